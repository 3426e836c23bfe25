package dev.mailbench.mime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turning raw bytes into text for display when no charset is declared. */
final class RawText {

    private RawText() {
    }

    /**
     * UTF-8 if the bytes are valid UTF-8 (RFC 6532 allows it in header fields), else ISO-8859-1, which
     * maps every byte to one character so nothing is lost or replaced.
     */
    static String decode(byte[] bytes, int offset, int length) {
        String utf8 = strictUtf8(bytes, offset, length);
        return utf8 != null ? utf8 : new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    /** The bytes as UTF-8, or null if they are not valid UTF-8. */
    static String strictUtf8(byte[] bytes, int offset, int length) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** RFC 5322 §3.2.2 WSP: space or horizontal tab. */
    static boolean isBlank(int c) {
        return c == ' ' || c == '\t';
    }

    static String trimBlanks(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isBlank(s.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    /**
     * RFC 5322 §2.2.3: unfolding removes every CRLF immediately followed by WSP. Inside one field every line
     * break is such a fold (else it would have started a new field), so all CR and LF characters go; bare
     * LF and CR folds are treated like CRLF, as Jakarta Mail does when it splits the lines.
     */
    static String unfold(String s) {
        if (s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\r' && c != '\n') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A short printable form of a byte for messages: 'x', or 0xNN. */
    static String describeByte(int b) {
        if (b >= 0x21 && b < 0x7f) {
            return "'" + (char) b + "'";
        }
        return String.format("0x%02X", b);
    }
}
