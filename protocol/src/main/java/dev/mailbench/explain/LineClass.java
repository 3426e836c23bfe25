package dev.mailbench.explain;

import dev.mailbench.pop3.Pop3Reply;

/**
 * How a transcript line reads at a glance, which is what its colour shows: who wrote it and, for a
 * server line, the outcome of the reply it belongs to (RFC 5321 §4.2.1, first digit; RFC 1939 §3).
 */
public enum LineClass {
    /** Bytes the client sent. */
    CLIENT,
    /** 2yz, or POP3 {@code +OK} and the lines of its multi-line response. */
    SUCCESS,
    /** 3yz (354, 334), or the POP3 {@code +} continuation of an AUTH exchange: the server waits for more. */
    INTERMEDIATE,
    /** 4yz: failed this time, may work later. POP3 has no such class. */
    TRANSIENT,
    /** 5yz, or POP3 {@code -ERR}. */
    PERMANENT,
    /**
     * A server line that is not a reply at all (no code, or neither +OK nor -ERR), or one whose reply cannot be
     * trusted; or a client command line longer than its protocol allows (RFC 5321 §4.5.3.1.4, RFC 2449 §4).
     */
    MALFORMED,
    /** A local note, never on the wire. */
    NOTE;

    /** The class of an SMTP reply by its code's first digit (RFC 5321 §4.2.1); a code that is none, malformed. */
    public static LineClass ofSmtpCode(int code) {
        return switch (code / 100) {
            case 2 -> SUCCESS;
            case 3 -> INTERMEDIATE;
            case 4 -> TRANSIENT;
            case 5 -> PERMANENT;
            default -> MALFORMED;
        };
    }

    /** The class of a POP3 status (RFC 1939 §3; the "+ " continuation of RFC 5034 §4 waits for more). */
    public static LineClass ofPop3Status(Pop3Reply.Status status) {
        return switch (status) {
            case OK -> SUCCESS;
            case ERR -> PERMANENT;
            case CONTINUATION -> INTERMEDIATE;
            case MALFORMED -> MALFORMED;
        };
    }
}
