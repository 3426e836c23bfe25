package dev.mailbench.wire;

import java.nio.charset.StandardCharsets;

/** Renders bytes so that nothing is hidden: CR, LF, NUL and other control octets become visible marks. */
public final class Printable {
    private Printable() {
    }

    /** {@code "250 OK\r\n"} becomes {@code "250 OK␍␊"}; invalid UTF-8 shows as U+FFFD. */
    public static String of(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length() + 4);
        text.codePoints().forEach(cp -> {
            if (cp < 0x20) {
                out.appendCodePoint(0x2400 + cp); // Unicode "control pictures" block
            } else if (cp == 0x7F) {
                out.append('\u2421');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
