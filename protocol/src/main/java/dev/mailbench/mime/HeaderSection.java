package dev.mailbench.mime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a header section, as Jakarta Mail delimited it, into fields with their exact bytes and offsets.
 *
 * <p>Jakarta Mail decides where the header section ends (its {@code InternetHeaders} reads up to the
 * first empty line); this class only cuts that span into fields, with the same line rules Jakarta Mail
 * uses: a line ends at CRLF, LF, CR, or the common mistake CR CR LF; a line that starts with a space or
 * tab continues the field before it (RFC 5322 §2.2.3).
 */
final class HeaderSection {

    /** More than this is not a header section anybody meant to write; the rest is not listed. */
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_FIELDS = 10_000;

    /** A field and where its first 8-bit byte is (-1 if none), for the problems list. */
    record RawField(HeaderField field, boolean hasColon, long firstEightBit, List<String> unknownCharsets,
                    List<String> badEncodedWords) {
    }

    record Result(List<RawField> fields, boolean truncated) {
    }

    private HeaderSection() {
    }

    static Result read(ByteReader reader, ByteRange range) throws IOException {
        int length = (int) Math.min(range.length(), MAX_BYTES);
        byte[] block = new byte[length];
        int read = 0;
        while (read < length) {
            int n = reader.read(range.start() + read, block, read, length - read);
            if (n <= 0) {
                throw new IOException("the message source ended early at byte " + (range.start() + read));
            }
            read += n;
        }
        List<RawField> fields = split(block, range.start());
        boolean tooMany = fields.size() > MAX_FIELDS;
        return new Result(tooMany ? List.copyOf(fields.subList(0, MAX_FIELDS)) : fields,
                tooMany || range.length() > MAX_BYTES);
    }

    /** The fields of {@code h}, at most {@link #MAX_FIELDS} + 1 of them. */
    static List<RawField> split(byte[] h, long base) {
        List<RawField> fields = new ArrayList<>();
        int fieldStart = -1;
        int fieldContentEnd = -1;
        int fieldEnd = -1;
        int i = 0;
        while (i < h.length) {
            int lineStart = i;
            int contentEnd = i;
            while (contentEnd < h.length && h[contentEnd] != '\r' && h[contentEnd] != '\n') {
                contentEnd++;
            }
            int next = lineEnd(h, contentEnd);
            if (contentEnd == lineStart) {
                break; // the empty line that ends the header section
            }
            if (RawText.isBlank(h[lineStart]) && fieldStart >= 0) {
                fieldContentEnd = contentEnd;
                fieldEnd = next;
            } else {
                if (fieldStart >= 0) {
                    fields.add(field(h, base, fieldStart, fieldContentEnd, fieldEnd));
                    if (fields.size() > MAX_FIELDS) {
                        return fields;
                    }
                }
                fieldStart = lineStart;
                fieldContentEnd = contentEnd;
                fieldEnd = next;
            }
            i = next;
        }
        if (fieldStart >= 0) {
            fields.add(field(h, base, fieldStart, fieldContentEnd, fieldEnd));
        }
        return fields;
    }

    private static int lineEnd(byte[] h, int at) {
        if (at >= h.length) {
            return at;
        }
        if (h[at] == '\n') {
            return at + 1;
        }
        if (at + 1 < h.length && h[at + 1] == '\n') {
            return at + 2;
        }
        if (at + 2 < h.length && h[at + 1] == '\r' && h[at + 2] == '\n') {
            return at + 3;
        }
        return at + 1;
    }

    private static RawField field(byte[] h, long base, int start, int contentEnd, int end) {
        String raw = RawText.decode(h, start, contentEnd - start);
        long eightBit = -1;
        for (int i = start; i < contentEnd; i++) {
            if (h[i] < 0) {
                eightBit = base + i;
                break;
            }
        }
        int colon = raw.indexOf(':');
        String name;
        String value;
        if (colon >= 0) {
            // RFC 5322 §4.5 (obs-optional): blanks before the colon are obsolete but allowed
            name = RawText.trimBlanks(raw.substring(0, colon));
            value = RawText.trimBlanks(RawText.unfold(raw.substring(colon + 1)));
        } else {
            name = RawText.trimBlanks(RawText.unfold(raw));
            value = "";
        }
        // a field starting with a blank is a continuation with nothing to continue
        boolean wellFormed = colon >= 0 && isFieldName(name) && !RawText.isBlank(h[start]);
        EncodedWords.Result decoded = wellFormed ? EncodedWords.decode(value) : new EncodedWords.Result(value, List.of());
        HeaderField field = new HeaderField(name, raw, value, decoded.text(),
                new ByteRange(base + start, base + end), wellFormed);
        return new RawField(field, colon >= 0, eightBit, decoded.unknownCharsets(), decoded.badWords());
    }

    /** RFC 5322 §3.6.8: field-name = 1*ftext, printable US-ASCII except colon. */
    static boolean isFieldName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 33 || c > 126 || c == ':') {
                return false;
            }
        }
        return true;
    }
}
