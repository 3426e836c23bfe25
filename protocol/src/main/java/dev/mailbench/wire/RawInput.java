package dev.mailbench.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How raw bytes are typed (the command line's raw mode, a script's raw lines): text as UTF-8, and control octets as
 * the marks the transcript shows them with, {@code ⟨CR⟩} for a carriage return and {@code ⟨LF⟩} for a line feed
 * (any ASCII name or two hex digits in the angle brackets works: {@code ⟨NUL⟩}, {@code ⟨1B⟩}), so a bare LF can be
 * typed and seen: {@code .⟨LF⟩} is a dot followed by a bare LF.
 */
public final class RawInput {

    /** Types a carriage return, byte 0x0D. */
    public static final String CR = OctetNames.mark('\r');
    /** Types a line feed, byte 0x0A. */
    public static final String LF = OctetNames.mark('\n');

    private RawInput() {
    }

    public static byte[] toBytes(String typed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(typed.length() + 8);
        int i = 0;
        while (i < typed.length()) {
            char c = typed.charAt(i);
            if (c == Printable.MARK_OPEN) {
                int close = typed.indexOf(Printable.MARK_CLOSE, i);
                Optional<Integer> octet = close < 0 ? Optional.empty() : OctetNames.octet(typed.substring(i + 1, close));
                if (octet.isPresent()) {
                    out.write(octet.get());
                    i = close + 1;
                    continue;
                }
            }
            int end = i + Character.charCount(typed.codePointAt(i));
            out.writeBytes(typed.substring(i, end).getBytes(StandardCharsets.UTF_8));
            i = end;
        }
        return out.toByteArray();
    }

    /** Whether the text holds at least one mark that stands for an octet, i.e. types something raw. */
    public static boolean hasMarks(String typed) {
        int open = typed.indexOf(Printable.MARK_OPEN);
        while (open >= 0) {
            int close = typed.indexOf(Printable.MARK_CLOSE, open);
            if (close < 0) {
                return false;
            }
            if (OctetNames.octet(typed.substring(open + 1, close)).isPresent()) {
                return true;
            }
            open = typed.indexOf(Printable.MARK_OPEN, open + 1);
        }
        return false;
    }
}
