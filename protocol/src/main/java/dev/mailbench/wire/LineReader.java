package dev.mailbench.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Reads lines from a byte stream exactly as they arrive, keeping every byte, and flags what breaks the
 * line rules of RFC 5321 §2.3.8 and RFC 1939 §3 instead of silently repairing it.
 *
 * <p>Not thread-safe: one reader per connection direction.
 */
public final class LineReader {
    private static final int CR = '\r';
    private static final int LF = '\n';

    private final InputStream in;
    private final WireLimits limits;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private boolean eof;
    /** Octets of the current logical line already delivered in earlier SPLIT pieces. */
    private long carriedLength;

    public LineReader(InputStream in, WireLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /**
     * The next line, or {@code null} at end of stream with nothing pending. A line cut short by end of stream
     * is returned with {@link LineEnding#NONE} and {@link LineIssue#UNTERMINATED}.
     */
    public Line readLine() throws IOException {
        byte[] line = new byte[128];
        int length = 0;
        EnumSet<LineIssue> issues = EnumSet.noneOf(LineIssue.class);
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                if (line[length - 1] == CR) {
                    issues.add(LineIssue.BARE_CR);
                }
                issues.add(LineIssue.UNTERMINATED);
                return finish(line, length, LineEnding.NONE, issues);
            }
            int b = buffer[position++] & 0xFF;
            if (length > 0 && line[length - 1] == CR && b != LF) {
                issues.add(LineIssue.BARE_CR);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(Math.max(line.length * 2, 128), limits.holdLimit() + 2));
            }
            line[length++] = (byte) b;
            if (b == LF) {
                if (length >= 2 && line[length - 2] == CR) {
                    return finish(line, length, LineEnding.CRLF, issues);
                }
                issues.add(LineIssue.BARE_LF);
                if (limits.lfEndsLine()) {
                    return finish(line, length, LineEnding.LF, issues);
                }
            } else if (b == 0) {
                issues.add(LineIssue.NUL);
            }
            // Never split between CR and LF, so that a CRLF is always seen whole.
            if (length >= limits.holdLimit() && b != CR) {
                issues.add(LineIssue.SPLIT);
                return finish(line, length, LineEnding.NONE, issues);
            }
        }
    }

    /** Bytes received but not yet returned as lines (e.g. data a peer sent right after a STARTTLS reply). */
    public int buffered() {
        return limit - position;
    }

    /** Takes the bytes received but not yet returned, leaving the buffer empty. */
    public byte[] drainBuffered() {
        byte[] rest = Arrays.copyOfRange(buffer, position, limit);
        position = limit;
        return rest;
    }

    private Line finish(byte[] line, int length, LineEnding ending, EnumSet<LineIssue> issues) {
        long logicalLength = carriedLength + length;
        if (logicalLength > limits.maxLineLength()) {
            issues.add(LineIssue.OVERLONG);
        }
        carriedLength = issues.contains(LineIssue.SPLIT) ? logicalLength : 0;
        if (!Line.isValidUtf8(line, length)) {
            issues.add(LineIssue.INVALID_UTF8);
        }
        return new Line(Arrays.copyOf(line, length), ending, issues);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = n < 0;
            return !eof && fill();
        }
        position = 0;
        limit = n;
        return true;
    }
}
