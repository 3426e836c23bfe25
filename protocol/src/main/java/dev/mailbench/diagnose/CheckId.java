package dev.mailbench.diagnose;

import dev.mailbench.wire.MailProtocol;

/**
 * The checks a diagnosis runs, each with the stable id scripts and tickets name and the rule it rests on. The
 * sentences for each outcome are in the catalogue under {@code diagnose.<id>.<outcome>}.
 */
public enum CheckId {
    MX("mx", "RFC 5321 §5.1; RFC 7505", null),
    CONNECT("connect", "RFC 5321 §3.1", "RFC 1939 §4"),
    GREETING_DELAY("greeting.delay", "RFC 5321 §4.5.3.2.1", "RFC 1939 §4"),
    GREETING_HOSTNAME("greeting.hostname", "RFC 5321 §4.3.1", null),
    SYNTAX("syntax", "RFC 5321 §2.3.8 and §4.2", "RFC 1939 §3"),
    EHLO("ehlo", "RFC 5321 §4.1.1.1", null),
    CAPA("capa", null, "RFC 2449 §5"),
    STARTTLS_OFFERED("starttls.offered", "RFC 3207 §4", null),
    STLS_OFFERED("stls.offered", null, "RFC 2595 §4"),
    STARTTLS_WORKS("starttls.works", "RFC 3207 §4.1 and §4.2", null),
    STLS_WORKS("stls.works", null, "RFC 2595 §4"),
    STARTTLS_REQUIRED("starttls.required", "RFC 3207 §4; RFC 8314 §3 for submission", null),
    CERTIFICATE_TRUSTED("tls.certificate.trusted", "RFC 8314 §4.2; RFC 5280 §6", "RFC 8314 §4.2; RFC 5280 §6"),
    CERTIFICATE_HOSTNAME("tls.certificate.hostname", "RFC 6125 §6; RFC 7817 §3", "RFC 6125 §6; RFC 7817 §3"),
    CERTIFICATE_EXPIRY("tls.certificate.expiry", "RFC 5280 §4.1.2.5", "RFC 5280 §4.1.2.5"),
    TLS_PROTOCOLS("tls.protocols", "RFC 8996 §2 and §3 (BCP 195)", "RFC 8996 §2 and §3 (BCP 195)"),
    AUTH_CLEARTEXT("auth.cleartext", "RFC 4954 §4", "RFC 2595 §2.1; RFC 8314 §3"),
    AUTH_MECHANISMS("auth.mechanisms", "RFC 4954 §3", null),
    APOP("apop", null, "RFC 1939 §7; RFC 6151 §2"),
    AUTH_LOGIN("auth.login", "RFC 4954 §4", "RFC 1939 §7; RFC 5034 §4"),
    RELAY_OPEN("relay.open", "RFC 5321 §7.1; RFC 2505 §2.1 (BCP 30)", null),
    VRFY_ENUMERATION("vrfy.enumeration", "RFC 5321 §3.5.3 and §7.3", null),
    EXPN_ENUMERATION("expn.enumeration", "RFC 5321 §3.5.3 and §7.3", null),
    SIZE_LIMIT("size.limit", "RFC 1870 §4", null),
    PIPELINING("pipelining", "RFC 2920 §3", null),
    ENHANCED_STATUS_CODES("enhancedstatuscodes", "RFC 2034 §3; RFC 3463", null),
    SMTPUTF8("smtputf8", "RFC 6531 §3.1", null),
    POSTMASTER("postmaster", "RFC 5321 §4.5.1", null);

    private final String id;
    private final String smtpRule;
    private final String pop3Rule;

    CheckId(String id, String smtpRule, String pop3Rule) {
        this.id = id;
        this.smtpRule = smtpRule;
        this.pop3Rule = pop3Rule;
    }

    /**
     * Whether this check's failure says the server is exposed (an open relay, addresses anyone can list): a
     * conversation lost in the middle of it cannot say so, and is a warning there, not a failure.
     */
    public boolean failMeansExposure() {
        return this == RELAY_OPEN || this == VRFY_ENUMERATION || this == EXPN_ENUMERATION;
    }

    /** The stable id, e.g. {@code starttls.offered}. */
    public String id() {
        return id;
    }

    /** The rule the check rests on for this protocol. */
    public String rule(MailProtocol protocol) {
        String rule = protocol == MailProtocol.SMTP ? smtpRule : pop3Rule;
        if (rule == null) {
            throw new IllegalArgumentException(id + " is no " + protocol + " check");
        }
        return rule;
    }

    /** Whether the check is run against servers of this protocol. */
    public boolean appliesTo(MailProtocol protocol) {
        return (protocol == MailProtocol.SMTP ? smtpRule : pop3Rule) != null;
    }
}
