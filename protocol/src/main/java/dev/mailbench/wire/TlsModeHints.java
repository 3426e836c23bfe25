package dev.mailbench.wire;

/**
 * Signs that a connection was opened in the wrong TLS mode, and the notes that say which mode to choose. The
 * notes' texts are defined here, once; the explainer recognises them by {@link #kindOf} and adds the
 * catalogue's sentence (keys {@code event.note.<kind>}).
 */
public final class TlsModeHints {

    /** A TLS record came on a plain connection: the server expects implicit TLS (RFC 8314 §3.3). */
    public static final String TLS_FROM_START = "This port speaks TLS from the start: choose implicit TLS"
            + " (SMTPS 465, POP3S 995)";
    /** A plain-text greeting came where the TLS handshake was expected. */
    public static final String PLAIN_FIRST = "This port speaks plain text first: choose STARTTLS (STLS in POP3)"
            + " or plain";
    /** Nothing came on a port that usually speaks implicit TLS, connected in plain mode. */
    public static final String SILENT_TLS_PORT = "No greeting yet, and this port usually speaks implicit TLS, where"
            + " the server waits for the client's TLS handshake: choose implicit TLS. Still waiting";

    private TlsModeHints() {
    }

    /**
     * Whether the first octets received look like a TLS record header (RFC 8446 §5.1): a content type from 20
     * (change_cipher_spec) to 23 (application_data), among them 21 (alert) and 22 (handshake), then a legacy
     * version whose major number is 3. No SMTP or POP3 greeting starts with a control character.
     */
    public static boolean looksLikeTlsRecord(byte[] bytes, int offset, int length) {
        return length >= 2 && bytes[offset] >= 0x14 && bytes[offset] <= 0x17 && bytes[offset + 1] == 0x03;
    }


    /** Which hint a note is ({@code tls-from-start}, {@code plain-first}, {@code silent-tls-port}), or null. */
    public static String kindOf(String note) {
        if (note.startsWith(TLS_FROM_START)) {
            return "tls-from-start";
        }
        if (note.startsWith(PLAIN_FIRST)) {
            return "plain-first";
        }
        if (note.startsWith(SILENT_TLS_PORT)) {
            return "silent-tls-port";
        }
        return null;
    }
}
