package dev.mailbench.smtp;

/**
 * One condition on when a command may be sent, as {@link SmtpVerb} lists them. The client reads a verb's
 * rules to tell which commands are legal now; the practice server reads the same rules to refuse the others,
 * each rule with its own reply.
 */
public enum SmtpRule {
    /** RFC 5321 §4.1.4: a mail transaction, STARTTLS, AUTH and ETRN only after HELO or EHLO. */
    AFTER_HELO("RFC 5321 §4.1.4"),
    /** RFC 5321 §3.3: RCPT and DATA only inside a transaction, after MAIL. */
    IN_TRANSACTION("RFC 5321 §3.3"),
    /** RFC 5321 §3.3: MAIL may not start a transaction inside another. */
    NOT_NESTED("RFC 5321 §3.3"),
    /** RFC 5321 §3.3: DATA only once a recipient was accepted. */
    WITH_RECIPIENTS("RFC 5321 §3.3"),
    /** RFC 4954 §4: AUTH not during a mail transaction; RFC 1985 §3: nor ETRN. */
    OUTSIDE_TRANSACTION("RFC 4954 §4"),
    /**
     * RFC 5321 §4.1.4: HELO or EHLO during a transaction abandons it, as RSET would; RFC 3207 §4.2: so does
     * STARTTLS. The server allows it, so it refuses nothing; a correct client ends the transaction first.
     */
    NO_TRANSACTION_TO_LOSE("RFC 5321 §4.1.4"),
    /** RFC 4954 §4: after a successful AUTH, no further AUTH. */
    NOT_AUTHENTICATED("RFC 4954 §4"),
    /** RFC 3207 §4.2: no STARTTLS once TLS is active. */
    NOT_TLS("RFC 3207 §4.2"),
    /** RFC 3207 §4: STARTTLS only if the server offers it. */
    STARTTLS_OFFERED("RFC 3207 §4", "STARTTLS"),
    /** RFC 4954 §4: AUTH only if the server offers it. */
    AUTH_OFFERED("RFC 4954 §4", "AUTH"),
    /** RFC 1985 §4: ETRN only if the server offers it. */
    ETRN_OFFERED("RFC 1985 §4", "ETRN");

    private final String rfcSection;
    private final String capability;

    SmtpRule(String rfcSection) {
        this(rfcSection, null);
    }

    SmtpRule(String rfcSection, String capability) {
        this.rfcSection = rfcSection;
        this.capability = capability;
    }

    /** Where the rule is written. */
    public String rfcSection() {
        return rfcSection;
    }

    /** Whether the rule holds in a session. */
    public boolean holds(SmtpConditions session) {
        return switch (this) {
            case AFTER_HELO -> session.introduced();
            case IN_TRANSACTION -> session.inTransaction();
            case NOT_NESTED, OUTSIDE_TRANSACTION, NO_TRANSACTION_TO_LOSE -> !session.inTransaction();
            case WITH_RECIPIENTS -> session.hasRecipients();
            case NOT_AUTHENTICATED -> !session.authenticated();
            case NOT_TLS -> !session.tls();
            case STARTTLS_OFFERED, AUTH_OFFERED, ETRN_OFFERED -> session.offers(capability);
        };
    }
}
