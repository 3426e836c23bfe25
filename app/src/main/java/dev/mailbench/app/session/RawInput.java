package dev.mailbench.app.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.mailbench.app.transcript.ControlMarks;

/**
 * How raw mode is typed: text as UTF-8, and control octets as the marks the transcript shows them with,
 * {@code ⟨CR⟩} for a carriage return and {@code ⟨LF⟩} for a line feed (any ASCII name or two hex digits in
 * the angle brackets works: {@code ⟨NUL⟩}, {@code ⟨1B⟩}), so a bare LF can be typed and seen:
 * {@code .⟨LF⟩} is a dot followed by a bare LF.
 */
public final class RawInput {

    /** Types a carriage return, byte 0x0D. */
    public static final String CR = ControlMarks.mark('\r');
    /** Types a line feed, byte 0x0A. */
    public static final String LF = ControlMarks.mark('\n');

    private RawInput() {
    }

    public static byte[] toBytes(String typed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(typed.length() + 8);
        int i = 0;
        while (i < typed.length()) {
            char c = typed.charAt(i);
            if (c == '\u27E8') {
                int close = typed.indexOf('\u27E9', i);
                Optional<Integer> octet = close < 0 ? Optional.empty() : ControlMarks.octet(typed.substring(i + 1, close));
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
}
