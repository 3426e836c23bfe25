package dev.mailbench.smtp;

/** Where an SMTP session stands in the command sequence of RFC 5321 §4.1.4 and §3.3. */
public enum SmtpPhase {
    /** No connection. */
    DISCONNECTED("not connected"),
    /** Connected, the server's 220 greeting has not arrived yet (RFC 5321 §3.1). */
    AWAITING_GREETING("waiting for the server's greeting"),
    /** Greeted; the client must introduce itself with EHLO or HELO before a mail transaction (§4.1.4). */
    GREETED("greeted: introduce yourself with EHLO (or HELO)"),
    /** Introduced and no transaction open: MAIL starts one. */
    READY("ready: start a message with MAIL FROM"),
    /** MAIL accepted: name recipients with RCPT TO (§3.3). */
    MAIL_GIVEN("sender accepted: add recipients with RCPT TO"),
    /** At least one RCPT accepted: more RCPT, or DATA. */
    RECIPIENTS_GIVEN("recipients accepted: add more, or send DATA"),
    /** After 354: the message text, ended by a line with a single dot (§4.1.1.4). */
    DATA_INPUT("sending message text: end it with a line holding a single dot"),
    /** After 334: the client answers the server's challenge, or cancels with "*" (RFC 4954 §4). */
    AUTH_EXCHANGE("authenticating: answer the challenge in base64, or * to cancel"),
    /** The server said it is closing (221 or 421). */
    CLOSING("the server is closing the connection"),
    /** The connection has ended. */
    CLOSED("connection closed");

    private final String description;

    SmtpPhase(String description) {
        this.description = description;
    }

    /** A short sentence for the status bar, saying what comes next. */
    public String description() {
        return description;
    }
}
