package dev.mailbench.ladder;

/** What a row of the ladder draws. */
public enum RowKind {
    /** An arrow from the client to the server: a command line, an AUTH response, or bytes without a line end. */
    COMMAND,
    /** An arrow from the client: the message text after 354 up to its final dot (RFC 5321 §4.1.1.4), as one. */
    MESSAGE,
    /** An arrow from the server: one reply, all its lines (a multi-line SMTP reply, a POP3 response with text). */
    REPLY,
    /** A local note in the margin, never on the wire: connected, the certificate, closed. */
    NOTE,
    /** The band across both lanes where TLS begins (RFC 3207 §4, RFC 2595 §4, or implicit TLS, RFC 8314). */
    TLS
}
