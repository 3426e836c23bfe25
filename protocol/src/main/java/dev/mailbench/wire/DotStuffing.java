package dev.mailbench.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The transparency procedure of RFC 5321 §4.5.2 and RFC 1939 §3: a line of message text that begins with
 * "." gets one more "." on the wire, so that a lone "." can end the block.
 */
public final class DotStuffing {
    private static final byte[] END_OF_DATA = {'.', '\r', '\n'};

    private DotStuffing() {
    }

    /**
     * The wire form of a message for DATA (or a multi-line POP3 response): every line starting with "."
     * gets a second one, a missing final CRLF is added, and the end-of-data line {@code .CRLF} follows.
     * Line endings are otherwise sent as given, so a bare LF stays visible to the server.
     */
    public static byte[] encode(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + message.length / 40 + 8);
        boolean atLineStart = true;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (atLineStart && b == '.') {
                out.write('.');
            }
            out.write(b);
            // RFC 5321 §4.5.2 speaks of lines, which end in CRLF; a bare LF is not a line end there.
            atLineStart = b == '\n' && i > 0 && message[i - 1] == '\r';
        }
        if (message.length > 0 && !atLineStart) {
            out.write('\r');
            out.write('\n');
        }
        out.write(END_OF_DATA, 0, END_OF_DATA.length);
        return out.toByteArray();
    }

    /** The content of one received line with a leading transparency dot removed (RFC 5321 §4.5.2 step 2). */
    public static byte[] unstuff(Line line) {
        byte[] raw = line.raw();
        if (raw.length > 0 && raw[0] == '.') {
            return Arrays.copyOfRange(raw, 1, raw.length);
        }
        return raw;
    }
}
