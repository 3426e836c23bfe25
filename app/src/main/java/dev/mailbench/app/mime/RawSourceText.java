package dev.mailbench.app.mime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.mailbench.app.transcript.ControlMarks;
import dev.mailbench.mime.ByteRange;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import java.util.ArrayList;

/**
 * A stretch of a message's raw bytes as the viewer shows it, and where each byte landed in that text, so
 * a part's byte range can be highlighted exactly.
 *
 * <p>A line ending (CRLF, a bare LF, a bare CR) becomes a line break. With marks on, it is also written
 * out ({@code ⟨CR⟩⟨LF⟩}; a bare one in the {@link #BARE_ENDING} class, since RFC 5322 §2.3 forbids it),
 * and every byte above 0x7F shows as its hex value ({@code ⟨C3⟩}). With marks off, bytes that form
 * UTF-8 show as their characters and other 8-bit bytes as ISO-8859-1, so no byte disappears. Control
 * octets other than TAB, CR and LF are always marked: they have nothing to show otherwise.
 */
public final class RawSourceText {

    /** The mark of a line ending or control octet. */
    public static final String CONTROL = "control";
    /** The mark of a bare LF or bare CR. */
    public static final String BARE_ENDING = "bare-ending";
    /** The mark of a byte above 0x7F. */
    public static final String NON_ASCII = "non-ascii";
    /** Every highlighted character; with {@link #PART_HEADER} or {@link #PART_BODY}. */
    public static final String SELECTED_PART = "selected-part";
    public static final String PART_HEADER = "part-header";
    public static final String PART_BODY = "part-body";
    /** The header field selected in the header table, inside the part's highlight. */
    public static final String SELECTED_FIELD = "selected-field";
    /** The line a problem selected in the problems list was found on. */
    public static final String PROBLEM_MARK = "problem-mark";

    private final String text;
    private final long firstByte;
    private final int[] charAt;
    private final int[] markStart;
    private final int[] markEnd;
    private final String[] markClass;

    private RawSourceText(String text, long firstByte, int[] charAt, int[] markStart, int[] markEnd,
                          String[] markClass) {
        this.text = text;
        this.firstByte = firstByte;
        this.charAt = charAt;
        this.markStart = markStart;
        this.markEnd = markEnd;
        this.markClass = markClass;
    }

    /**
     * @param bytes     the raw bytes shown
     * @param firstByte the offset of {@code bytes[0]} in the message
     * @param marks     whether line endings and 8-bit bytes are written out
     */
    public static RawSourceText of(byte[] bytes, long firstByte, boolean marks) {
        return new Builder(bytes, marks).build(firstByte);
    }

    public String text() {
        return text;
    }

    /** The bytes shown: {@code [firstByte, firstByte + length)} of the message. */
    public ByteRange bytes() {
        return new ByteRange(firstByte, firstByte + charAt.length - 1);
    }

    /** Where the byte at {@code offset} (of the message) starts in the text; clipped to the bytes shown. */
    public int charOffset(long offset) {
        long local = Math.max(0, Math.min(offset - firstByte, charAt.length - 1));
        return charAt[(int) local];
    }

    /** The characters showing the bytes of {@code range} that are shown; empty when none are. */
    public int[] charRange(ByteRange range) {
        return new int[] {charOffset(range.start()), charOffset(range.end())};
    }

    /** The style of every character: marks, and the highlight of a part's header section and body. */
    public StyleSpans<Collection<String>> styles(ByteRange header, ByteRange body) {
        return styles(header, body, null, -1);
    }

    /**
     * As {@link #styles(ByteRange, ByteRange)}, with one header field's bytes and the line holding the byte
     * at {@code problem} marked as well; the field may be null, the offset negative for none.
     */
    public StyleSpans<Collection<String>> styles(ByteRange header, ByteRange body, ByteRange field, long problem) {
        int[] h = header == null ? new int[] {0, 0} : charRange(header);
        int[] b = body == null ? new int[] {0, 0} : charRange(body);
        int[] f = field == null ? new int[] {0, 0} : charRange(field);
        int[] p = problem < 0 || !bytes().contains(problem) ? new int[] {0, 0} : lineAround(charOffset(problem));
        int[] cuts = new int[markStart.length * 2 + 10];
        int n = 0;
        cuts[n++] = 0;
        cuts[n++] = text.length();
        cuts[n++] = h[0];
        cuts[n++] = h[1];
        cuts[n++] = b[0];
        cuts[n++] = b[1];
        cuts[n++] = f[0];
        cuts[n++] = f[1];
        cuts[n++] = p[0];
        cuts[n++] = p[1];
        for (int i = 0; i < markStart.length; i++) {
            cuts[n++] = markStart[i];
            cuts[n++] = markEnd[i];
        }
        Arrays.sort(cuts, 0, n);
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        int mark = 0;
        int previous = 0;
        for (int i = 0; i < n; i++) {
            int cut = cuts[i];
            if (cut <= previous) {
                continue;
            }
            while (mark < markStart.length && markEnd[mark] <= previous) {
                mark++;
            }
            String markStyle = mark < markStart.length && markStart[mark] <= previous ? markClass[mark] : null;
            String part = previous >= h[0] && previous < h[1] ? PART_HEADER
                    : previous >= b[0] && previous < b[1] ? PART_BODY : null;
            boolean inField = previous >= f[0] && previous < f[1];
            boolean atProblem = previous >= p[0] && previous < p[1];
            spans.add(style(markStyle, part, inField, atProblem), cut - previous);
            previous = cut;
        }
        if (previous == 0) {
            spans.add(List.of(), 0);
        }
        return spans.create();
    }

    /**
     * The line the character at {@code at} is on, without its line break; a line break belongs to the
     * line it ends (a bare CR is found at the end of its line, as the problems list counts lines).
     */
    private int[] lineAround(int at) {
        int start = text.lastIndexOf('\n', at - 1) + 1;
        int end = text.indexOf('\n', at);
        return new int[] {start, end < 0 ? text.length() : end};
    }

    private static Collection<String> style(String mark, String part, boolean field, boolean problem) {
        List<String> classes = new ArrayList<>(4);
        if (part != null) {
            classes.add(SELECTED_PART);
            classes.add(part);
        }
        if (field) {
            classes.add(SELECTED_FIELD);
        }
        if (problem) {
            classes.add(PROBLEM_MARK);
        }
        if (mark != null) {
            classes.add(mark);
        }
        return List.copyOf(classes);
    }

    /** One pass over the bytes. */
    private static final class Builder {
        private final byte[] bytes;
        private final boolean marks;
        private final StringBuilder out;
        private final int[] charAt;
        private int[] markStart = new int[64];
        private int[] markEnd = new int[64];
        private String[] markClass = new String[64];
        private int markCount;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer decoded = CharBuffer.allocate(2);

        Builder(byte[] bytes, boolean marks) {
            this.bytes = bytes;
            this.marks = marks;
            this.out = new StringBuilder(bytes.length + bytes.length / 8);
            this.charAt = new int[bytes.length + 1];
        }

        RawSourceText build(long firstByte) {
            int i = 0;
            while (i < bytes.length) {
                i = next(i);
            }
            charAt[bytes.length] = out.length();
            return new RawSourceText(out.toString(), firstByte, charAt, Arrays.copyOf(markStart, markCount),
                    Arrays.copyOf(markEnd, markCount), Arrays.copyOf(markClass, markCount));
        }

        /** Writes the byte at {@code i} (and those that belong with it) and returns the index after them. */
        private int next(int i) {
            int b = bytes[i] & 0xFF;
            charAt[i] = out.length();
            if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                charAt[i + 1] = out.length();
                if (marks) {
                    mark(ControlMarks.mark('\r') + ControlMarks.mark('\n'), CONTROL);
                }
                out.append('\n');
                return i + 2;
            }
            if (b == '\r' || b == '\n') {
                if (marks) {
                    mark(ControlMarks.mark(b), BARE_ENDING);
                }
                out.append('\n');
                return i + 1;
            }
            if (b == '\t') {
                if (marks) {
                    mark(ControlMarks.mark(b), CONTROL);
                } else {
                    out.append('\t');
                }
                return i + 1;
            }
            if (b < 0x20 || b == 0x7F) {
                mark(ControlMarks.mark(b), CONTROL);
                return i + 1;
            }
            if (b < 0x80) {
                out.append((char) b);
                return i + 1;
            }
            if (marks) {
                mark("\u27E8" + String.format(Locale.ROOT, "%02X", b) + "\u27E9", NON_ASCII);
                return i + 1;
            }
            int length = utf8Length(b);
            if (length > 1 && i + length <= bytes.length && decodeUtf8(i, length)) {
                for (int k = 1; k < length; k++) {
                    charAt[i + k] = charAt[i];
                }
                return i + length;
            }
            out.append((char) b); // ISO-8859-1: every byte has a character
            return i + 1;
        }

        private boolean decodeUtf8(int i, int length) {
            utf8.reset();
            decoded.clear();
            CoderResult result = utf8.decode(ByteBuffer.wrap(bytes, i, length), decoded, true);
            if (result.isError() || decoded.position() == 0) {
                return false;
            }
            decoded.flip();
            out.append(decoded);
            return true;
        }

        private static int utf8Length(int lead) {
            if (lead >= 0xC2 && lead <= 0xDF) {
                return 2;
            }
            if (lead >= 0xE0 && lead <= 0xEF) {
                return 3;
            }
            if (lead >= 0xF0 && lead <= 0xF4) {
                return 4;
            }
            return 1;
        }

        private void mark(String text, String styleClass) {
            if (markCount == markStart.length) {
                markStart = Arrays.copyOf(markStart, markCount * 2);
                markEnd = Arrays.copyOf(markEnd, markCount * 2);
                markClass = Arrays.copyOf(markClass, markCount * 2);
            }
            markStart[markCount] = out.length();
            out.append(text);
            markEnd[markCount] = out.length();
            markClass[markCount] = styleClass;
            markCount++;
        }
    }
}
