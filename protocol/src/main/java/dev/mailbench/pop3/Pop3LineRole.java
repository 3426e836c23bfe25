package dev.mailbench.pop3;

/** What part a transcript line plays in a POP3 dialogue, as RFC 1939 reads it. */
public enum Pop3LineRole {
    /** A command line (USER, STAT, RETR …), answered by one response. */
    COMMAND,
    /** A base64 line the client sends after a "+ " challenge (RFC 5034 §4). */
    AUTH_RESPONSE,
    /** Client bytes without a line ending: the server still waits for the rest of the line. */
    PARTIAL,
    /** The status line of a response: +OK, -ERR, a "+ " continuation, or a malformed line. */
    STATUS,
    /** A line of the text of a multi-line response (RFC 1939 §3). */
    RESPONSE_TEXT,
    /** The line holding only a dot that ends a multi-line response. */
    RESPONSE_END,
    /** A local note, never on the wire. */
    NOTE
}
