package dev.mailbench.smtp;

/** What part a transcript line plays in an SMTP dialogue, as RFC 5321 reads it. */
public enum SmtpLineRole {
    /** A command line (EHLO, MAIL, RCPT …), answered by one reply. */
    COMMAND,
    /** A line of the message text sent after 354 (RFC 5321 §4.1.1.4); no reply of its own. */
    MESSAGE_TEXT,
    /** The line holding only a dot, ended by CRLF, that ends the message text (RFC 5321 §4.1.1.4). */
    END_OF_DATA,
    /** A base64 line the client sends after a 334 challenge (RFC 4954 §4). */
    AUTH_RESPONSE,
    /** Client bytes without a line ending: the server still waits for the rest of the line. */
    PARTIAL,
    /** A line of a reply (RFC 5321 §4.2). */
    REPLY,
    /** A local note, never on the wire. */
    NOTE
}
