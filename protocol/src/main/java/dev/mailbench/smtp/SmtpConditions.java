package dev.mailbench.smtp;

/**
 * What the rules of {@link SmtpRule} ask about an SMTP session. The client's {@link SmtpState} answers from
 * the replies it has read, the practice server from its own session: both sides read the same rules.
 */
public interface SmtpConditions {

    /** Whether the client has introduced itself with HELO or EHLO (RFC 5321 §4.1.4). */
    boolean introduced();

    /** Whether a mail transaction is open: MAIL was accepted and not yet ended (RFC 5321 §3.3). */
    boolean inTransaction();

    /** Whether the open transaction has at least one accepted recipient (RFC 5321 §3.3). */
    boolean hasRecipients();

    /** Whether AUTH succeeded (RFC 4954 §4). */
    boolean authenticated();

    /** Whether the connection is protected by TLS. */
    boolean tls();

    /** Whether the server offers this EHLO keyword, such as {@code STARTTLS} (RFC 5321 §4.1.1.1). */
    boolean offers(String capability);
}
