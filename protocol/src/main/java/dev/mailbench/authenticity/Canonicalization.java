package dev.mailbench.authenticity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The two canonicalisations of RFC 6376 §3.4, for header fields and for the body.
 *
 * <p>Line ends: a message kept on disk often has bare LF line ends where it travelled with CRLF; the body
 * is read with any LF, CRLF or lone CR taken as one CRLF, as the message stood on the wire.
 */
public enum Canonicalization {
    /** §3.4.1, §3.4.3: almost no change; only empty lines at the body's end are dropped. */
    SIMPLE("simple"),
    /** §3.4.2, §3.4.4: white space runs become one space, trailing white space goes, names are lower case. */
    RELAXED("relaxed");

    private final String word;

    Canonicalization(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** The algorithm named {@code word}, or null for a word RFC 6376 does not define. */
    public static Canonicalization named(String word) {
        for (Canonicalization c : values()) {
            if (c.word.equals(word)) {
                return c;
            }
        }
        return null;
    }

    /**
     * One header field, its raw bytes without the final line break, canonicalised; with a trailing CRLF
     * when {@code withCrlf} (every signed field has one; the signature field itself does not, §3.7).
     */
    public byte[] header(byte[] raw, boolean withCrlf) {
        if (this == SIMPLE) {
            return withCrlf ? concat(raw, CRLF) : raw.clone();
        }
        // §3.4.2: lower-case name, unfold, white space runs to one space, none at the ends or around the colon
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int colon = text.indexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        name = name.strip().toLowerCase(Locale.ROOT);
        value = value.replaceAll("\r?\n", "").replaceAll("[ \t]+", " ").strip();
        String out = name + ":" + value + (withCrlf ? "\r\n" : "");
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The body canonicalised (§3.4.3, §3.4.4). */
    public byte[] body(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
        int pendingEmpty = 0;
        boolean any = false;
        int i = 0;
        while (i < body.length) {
            int end = i;
            while (end < body.length && body[end] != '\r' && body[end] != '\n') {
                end++;
            }
            byte[] line = this == RELAXED ? relaxLine(body, i, end) : slice(body, i, end);
            if (line.length == 0) {
                pendingEmpty++;
            } else {
                for (; pendingEmpty > 0; pendingEmpty--) {
                    out.writeBytes(CRLF);
                }
                out.writeBytes(line);
                out.writeBytes(CRLF);
                any = true;
            }
            if (end < body.length && body[end] == '\r' && end + 1 < body.length && body[end + 1] == '\n') {
                end++;
            }
            i = end + 1;
        }
        if (!any && this == SIMPLE) {
            // §3.4.3: an empty body is a single CRLF; relaxed leaves it empty (§3.4.4, erratum 3365)
            return CRLF.clone();
        }
        return out.toByteArray();
    }

    private static byte[] relaxLine(byte[] b, int start, int end) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(end - start);
        boolean space = false;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == ' ' || c == '\t') {
                space = true;
            } else {
                if (space) {
                    line.write(' ');
                    space = false;
                }
                line.write(c);
            }
        }
        return line.toByteArray();
    }

    private static byte[] slice(byte[] b, int start, int end) {
        byte[] out = new byte[end - start];
        System.arraycopy(b, start, out, 0, out.length);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static final byte[] CRLF = {'\r', '\n'};
}
