package dev.mailbench.wire;

import java.nio.charset.StandardCharsets;

/**
 * Renders octets so that nothing is hidden: CR, LF, NUL and other control octets become Unicode control pictures
 * ({@code ␍␊}), and an octet that is not part of valid UTF-8 (RFC 3629 §4) becomes its two hex digits in angle
 * brackets ({@code ⟨C3⟩}), never U+FFFD: two different octets must never read the same. This is the one rule from a
 * line's octets to text; the window, Copy and saved transcripts present its marks.
 */
public final class Printable {

    /** Opens an octet's mark: {@code ⟨C3⟩}. */
    public static final char MARK_OPEN = '\u27E8';
    /** Closes an octet's mark. */
    public static final char MARK_CLOSE = '\u27E9';
    private static final char PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Printable() {
    }

    /**
     * Text for a terminal with its lines and tabs kept and every other control character shown, not obeyed: C0
     * controls and DEL as their pictures ({@code ␛}), C1 controls (U+0080 to U+009F) as their code in angle brackets
     * ({@code ⟨9B⟩}). An ESC in a message's Subject must not clear the screen or hide the lines after it.
     */
    public static String controlsShown(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c == 0x7F || c >= 0x80 && c <= 0x9F;
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out == null) {
                continue;
            }
            if (!control) {
                out.append(c);
            } else if (c < 0x20) {
                out.append((char) (PICTURES + c));
            } else if (c == 0x7F) {
                out.append(DELETE_PICTURE);
            } else {
                out.append(MARK_OPEN).append(HEX[c >> 4]).append(HEX[c & 0xF]).append(MARK_CLOSE);
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code "250 OK\r\n"} becomes {@code "250 OK␍␊"}; the octets C3 28 become {@code "⟨C3⟩("}. */
    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length, false);
    }

    /**
     * Octets {@code from} to {@code to} (exclusive) as text.
     *
     * @param keepTabs whether a TAB stays a tab (a line read by a person) instead of its picture {@code ␉}
     */
    public static String of(byte[] bytes, int from, int to, boolean keepTabs) {
        StringBuilder out = new StringBuilder(to - from + 4);
        int i = from;
        while (i < to) {
            int octet = bytes[i] & 0xFF;
            if (octet < 0x80) {
                out.append(ascii(octet, keepTabs));
                i++;
                continue;
            }
            int length = sequenceLength(bytes, i, to);
            if (length == 0) {
                out.append(MARK_OPEN).append(HEX[octet >> 4]).append(HEX[octet & 0xF]).append(MARK_CLOSE);
                i++;
            } else {
                out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                i += length;
            }
        }
        return out.toString();
    }

    private static char ascii(int octet, boolean keepTabs) {
        if (octet == '\t' && keepTabs) {
            return '\t';
        }
        if (octet < 0x20) {
            return (char) (PICTURES + octet); // Unicode "control pictures" block
        }
        return octet == 0x7F ? DELETE_PICTURE : (char) octet;
    }

    /**
     * How many octets the well-formed UTF-8 sequence starting at {@code at} has (RFC 3629 §4: no overlong forms, no
     * surrogates, nothing above U+10FFFF), or 0 when the octet there starts none.
     */
    private static int sequenceLength(byte[] bytes, int at, int to) {
        int lead = bytes[at] & 0xFF;
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return 0;
        }
        if (at + length > to) {
            return 0;
        }
        int second = bytes[at + 1] & 0xFF;
        if (second < low || second > high) {
            return 0;
        }
        for (int i = at + 2; i < at + length; i++) {
            int next = bytes[i] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return 0;
            }
        }
        return length;
    }
}
