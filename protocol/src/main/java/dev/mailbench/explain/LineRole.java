package dev.mailbench.explain;

/** What part a transcript line plays in the conversation, as the protocol's rules decide it. */
public enum LineRole {
    /** A client command line (HELO, MAIL, RETR …), answered by one reply. */
    COMMAND,
    /** A line of the message the client sends after 354 (RFC 5321 §4.1.1.4); no reply of its own. */
    MESSAGE_TEXT,
    /** The line holding only a dot that ends the message text. */
    END_OF_DATA,
    /** A base64 line the client sends in an AUTH exchange (RFC 4954 §4, RFC 5034 §4). */
    AUTH_RESPONSE,
    /** Client bytes without a line ending (sent raw): the server is still waiting for the rest of the line. */
    PARTIAL,
    /** A line of a server reply: an SMTP reply line, or a POP3 status line. */
    REPLY,
    /** A line of the text of a POP3 multi-line response (RFC 1939 §3). */
    RESPONSE_BODY,
    /** The line holding only a dot that ends a POP3 multi-line response. */
    RESPONSE_END,
    /** A local note. */
    NOTE
}
