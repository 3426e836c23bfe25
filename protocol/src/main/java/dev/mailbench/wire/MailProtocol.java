package dev.mailbench.wire;

/** The two protocols a Mailbench session speaks. */
public enum MailProtocol {
    /** Sending mail, RFC 5321. */
    SMTP,
    /** Collecting mail, RFC 1939. */
    POP3
}
