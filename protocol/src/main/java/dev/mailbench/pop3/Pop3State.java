package dev.mailbench.pop3;

import java.util.EnumSet;
import java.util.Set;

/**
 * A snapshot of a POP3 session that tells which commands are legal now (RFC 1939 §4–§6). Illegal commands
 * can still be sent, to see the server's {@code -ERR}.
 *
 * @param phase         the session state
 * @param tls           whether TLS protects the connection
 * @param userGiven     whether USER was accepted, so PASS is next (RFC 1939 §7)
 * @param apopOffered   whether the greeting carried an APOP timestamp (RFC 1939 §7)
 * @param capabilities  what CAPA listed, upper-cased keywords with parameters; empty until CAPA is sent
 */
public record Pop3State(Pop3Phase phase, boolean tls, boolean userGiven, boolean apopOffered,
                        java.util.List<String> capabilities) {

    public Pop3State {
        capabilities = java.util.List.copyOf(capabilities);
    }

    public static Pop3State disconnected() {
        return new Pop3State(Pop3Phase.DISCONNECTED, false, false, false, java.util.List.of());
    }

    Pop3State with(Pop3Phase newPhase) {
        return new Pop3State(newPhase, tls, newPhase == Pop3Phase.AUTHORIZATION && userGiven, apopOffered, capabilities);
    }

    Pop3State withoutUser() {
        return new Pop3State(phase, tls, false, apopOffered, capabilities);
    }

    public boolean hasCapability(String keyword) {
        return capabilities.stream().anyMatch(c -> c.equals(keyword) || c.startsWith(keyword + " "));
    }

    public Set<Pop3Verb> legalVerbs() {
        EnumSet<Pop3Verb> legal = EnumSet.noneOf(Pop3Verb.class);
        switch (phase) {
            case AUTHORIZATION -> {
                legal.add(Pop3Verb.CAPA);
                legal.add(Pop3Verb.QUIT);
                legal.add(userGiven ? Pop3Verb.PASS : Pop3Verb.USER);
                if (userGiven) {
                    legal.add(Pop3Verb.USER); // a different user name may be given instead
                }
                if (apopOffered) {
                    legal.add(Pop3Verb.APOP);
                }
                if (capabilities.isEmpty() || hasCapability("SASL")) {
                    legal.add(Pop3Verb.AUTH);
                }
                // RFC 2595 §4: STLS only in AUTHORIZATION and only before TLS is active.
                if (!tls && (capabilities.isEmpty() || hasCapability("STLS"))) {
                    legal.add(Pop3Verb.STLS);
                }
            }
            case TRANSACTION -> legal.addAll(EnumSet.of(Pop3Verb.STAT, Pop3Verb.LIST, Pop3Verb.UIDL, Pop3Verb.RETR,
                    Pop3Verb.TOP, Pop3Verb.DELE, Pop3Verb.RSET, Pop3Verb.NOOP, Pop3Verb.QUIT, Pop3Verb.CAPA));
            default -> {
                // no command is legal while disconnected, waiting, in an AUTH exchange or closing
            }
        }
        return legal;
    }

    public boolean isLegal(Pop3Verb verb) {
        return legalVerbs().contains(verb);
    }
}
