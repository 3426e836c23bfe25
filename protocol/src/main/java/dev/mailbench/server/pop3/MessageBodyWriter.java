package dev.mailbench.server.pop3;

import dev.mailbench.wire.WireConnection;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Streams a stored message as the body of a multi-line response (RFC 1939 §3), a piece at a time, so a
 * 30 MB message never sits in memory: each line beginning with "." gets one more, a final CRLF is added if
 * the message lacks one, and the ".CRLF" line ends the response. For TOP (RFC 1939 §7) it stops after the
 * header, the blank line and the requested number of body lines.
 *
 * <p>These are the rules of {@link dev.mailbench.wire.DotStuffing#encode} with one addition: a line is taken
 * to start after any LF, not only after CRLF. A stored message may hold a bare LF (SMTP keeps it, as part
 * of a line); clients such as Jakarta Mail and Mailbench's own read a bare LF as a line end, so a "." after
 * it must be stuffed too, or they would drop it, or take ".CR LF" after it for the end of the response.
 *
 * <p>The transcript records the first {@code recordedOctets} of the body in full and then a note of what
 * was sent without being recorded, so that a large message does not fill the transcript.
 */
final class MessageBodyWriter {
    private static final int PIECE = 32 * 1024;
    private static final byte[] END = {'.', '\r', '\n'};

    private final WireConnection wire;
    private final long recordedOctets;
    private byte[] out = new byte[2 * PIECE + 16];
    private int length;
    private boolean recording = true;
    private long recorded;
    private long unrecorded;

    MessageBodyWriter(WireConnection wire, long recordedOctets) {
        this.wire = wire;
        this.recordedOctets = recordedOctets;
    }

    /** The whole message (RETR). */
    void writeMessage(InputStream message) throws IOException {
        write(message, -1);
    }

    /** The header, the blank line after it and at most {@code bodyLines} lines of the body (TOP). */
    void writeTop(InputStream message, int bodyLines) throws IOException {
        write(message, bodyLines);
    }

    private void write(InputStream message, int bodyLineLimit) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        boolean atLineStart = true;
        boolean inHeader = true;
        boolean any = false;
        int lineLength = 0;
        int bodyLines = 0;
        int last = -1;
        int beforeLast = -1;
        int n;
        reading:
        while ((n = message.read(buffer)) > 0) {
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xFF;
                if (atLineStart && b == '.') {
                    put('.');
                }
                put(b);
                any = true;
                beforeLast = last;
                last = b;
                if (b == '\n') {
                    atLineStart = true;
                    if (bodyLineLimit >= 0) {
                        // An empty line (only CRLF, or a bare LF) ends the header (RFC 5322 §2.1).
                        boolean empty = lineLength == 0 || (lineLength == 1 && beforeLast == '\r');
                        if (inHeader) {
                            if (empty) {
                                inHeader = false;
                                if (bodyLineLimit == 0) {
                                    break reading;
                                }
                            }
                        } else if (++bodyLines >= bodyLineLimit) {
                            break reading;
                        }
                    }
                    lineLength = 0;
                    if (length >= PIECE) {
                        flush();
                    }
                } else {
                    atLineStart = false;
                    lineLength++;
                    // A very long line is sent in pieces, but never split between CR and LF.
                    if (length >= 2 * PIECE && b != '\r') {
                        flush();
                    }
                }
            }
        }
        if (any && !(beforeLast == '\r' && last == '\n')) {
            // RFC 1939 §3: the terminating "." stands on a line of its own, after a CRLF.
            put('\r');
            put('\n');
        }
        flush();
        if (unrecorded > 0) {
            wire.transcript().note("… " + unrecorded + " more octets of the message were sent without being "
                    + "recorded here, to keep the transcript small (" + recorded + " octets shown above)");
        }
        wire.send(END, null);
    }

    private void put(int b) {
        if (length == out.length) {
            out = Arrays.copyOf(out, out.length * 2);
        }
        out[length++] = (byte) b;
    }

    private void flush() throws IOException {
        if (length == 0) {
            return;
        }
        if (recording && recorded + length <= recordedOctets) {
            wire.send(Arrays.copyOf(out, length), null);
            recorded += length;
        } else {
            recording = false;
            wire.sendUnrecorded(out, 0, length);
            unrecorded += length;
        }
        length = 0;
    }
}
