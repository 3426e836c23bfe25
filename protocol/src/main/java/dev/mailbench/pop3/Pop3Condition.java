package dev.mailbench.pop3;

import java.util.function.Predicate;

/**
 * What must hold, beyond the session state, for a POP3 command to be the right one to send: the part of
 * a command's legality that the client can know and the server's state machine does not check.
 */
public enum Pop3Condition {
    /** PASS names no user itself: it must follow a USER the server accepted. */
    AFTER_USER("right after USER was accepted", "RFC 1939 §7", Pop3State::userGiven),
    /** APOP needs the timestamp the server put in its greeting. */
    APOP_TIMESTAMP("the greeting carried a timestamp", "RFC 1939 §7", Pop3State::apopOffered),
    /** STLS is given once: not when TLS is already active. */
    BEFORE_TLS("TLS is not active yet", "RFC 2595 §4", state -> !state.tls()),
    /** Before CAPA nothing is known; after it, STLS only if listed. */
    STLS_OFFERED("CAPA lists STLS (or CAPA was not asked)", "RFC 2595 §4", offered("STLS")),
    /** Before CAPA nothing is known; after it, AUTH only if SASL mechanisms are listed. */
    SASL_OFFERED("CAPA lists SASL (or CAPA was not asked)", "RFC 2449 §6.3", offered("SASL")),
    /** TOP is optional in RFC 1939; the TOP capability tells that it is there. */
    TOP_OFFERED("CAPA lists TOP (or CAPA was not asked)", "RFC 2449 §6.1", offered("TOP")),
    /** UIDL is optional in RFC 1939; the UIDL capability tells that it is there. */
    UIDL_OFFERED("CAPA lists UIDL (or CAPA was not asked)", "RFC 2449 §6.8", offered("UIDL"));

    private final String description;
    private final String rfcSection;
    private final Predicate<Pop3State> holds;

    Pop3Condition(String description, String rfcSection, Predicate<Pop3State> holds) {
        this.description = description;
        this.rfcSection = rfcSection;
        this.holds = holds;
    }

    public String description() {
        return description;
    }

    public String rfcSection() {
        return rfcSection;
    }

    public boolean holdsIn(Pop3State state) {
        return holds.test(state);
    }

    /** RFC 2449 §5: a client learns what a server offers from CAPA; before CAPA it may try anything. */
    private static Predicate<Pop3State> offered(String capability) {
        return state -> state.capabilities().isEmpty() || state.hasCapability(capability);
    }
}
