package dev.mailbench.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * One line as it crossed the wire: its exact bytes including the terminator, how it was terminated, and
 * what about it breaks the rules.
 */
public final class Line {
    private final byte[] raw;
    private final LineEnding ending;
    private final Set<LineIssue> issues;

    public Line(byte[] raw, LineEnding ending, Set<LineIssue> issues) {
        this.raw = raw.clone();
        this.ending = ending;
        this.issues = issues.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(issues));
    }

    /** A line built from text, for tests and for lines a program composes; issues are detected. */
    public static Line of(String textWithTerminator) {
        byte[] bytes = textWithTerminator.getBytes(StandardCharsets.UTF_8);
        LineReader reader = new LineReader(new ByteArrayInputStream(bytes), WireLimits.RFC);
        try {
            Line line = reader.readLine();
            return line == null ? new Line(new byte[0], LineEnding.NONE, EnumSet.of(LineIssue.UNTERMINATED)) : line;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exact bytes, terminator included. */
    public byte[] raw() {
        return raw.clone();
    }

    public int rawLength() {
        return raw.length;
    }

    /** The bytes without the terminator. */
    public byte[] content() {
        return Arrays.copyOf(raw, contentLength());
    }

    public int contentLength() {
        return raw.length - ending.length();
    }

    /** The content decoded as UTF-8; malformed bytes become U+FFFD (and {@link LineIssue#INVALID_UTF8} is set). */
    public String text() {
        return new String(raw, 0, contentLength(), StandardCharsets.UTF_8);
    }

    public LineEnding ending() {
        return ending;
    }

    public Set<LineIssue> issues() {
        return issues;
    }

    public boolean has(LineIssue issue) {
        return issues.contains(issue);
    }

    /** True when the content is exactly {@code "."}, the end of a multi-line block (RFC 5321 §4.1.1.4, RFC 1939 §3). */
    public boolean isTerminator() {
        return ending == LineEnding.CRLF && contentLength() == 1 && raw[0] == '.';
    }

    static boolean isValidUtf8(byte[] bytes, int length) {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return Printable.of(raw);
    }
}
