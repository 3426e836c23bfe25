package dev.mailbench.pop3;

import java.util.EnumSet;
import java.util.Set;
import java.util.List;

/**
 * A snapshot of a POP3 session that tells which commands are legal now (RFC 1939 §4–§6). Illegal commands
 * can still be sent, to see the server's {@code -ERR}.
 *
 * @param phase         the session state
 * @param tls           whether TLS protects the connection
 * @param userGiven     whether the last answer was USER's +OK, so PASS may follow (RFC 1939 §7)
 * @param apopOffered   whether the greeting carried an APOP timestamp (RFC 1939 §7)
 * @param capabilities  what CAPA listed, upper-cased keywords with parameters; empty until CAPA is sent
 */
public record Pop3State(Pop3Phase phase, boolean tls, boolean userGiven, boolean apopOffered,
                        List<String> capabilities) {

    public Pop3State {
        capabilities = List.copyOf(capabilities);
    }

    public static Pop3State disconnected() {
        return new Pop3State(Pop3Phase.DISCONNECTED, false, false, false, List.of());
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

    /** The commands a correct client would send now, as {@link Pop3Verb} defines their legality. */
    public Set<Pop3Verb> legalVerbs() {
        EnumSet<Pop3Verb> legal = EnumSet.noneOf(Pop3Verb.class);
        for (Pop3Verb verb : Pop3Verb.values()) {
            if (verb.isLegalIn(this)) {
                legal.add(verb);
            }
        }
        return legal;
    }

    /**
     * The legal commands that move a normal dialogue forward now, as against those merely allowed (NOOP,
     * RSET, CAPA …): in AUTHORIZATION STLS (when offered) and USER, then PASS once USER was accepted
     * (RFC 1939 §7); in TRANSACTION reading the mailbox with STAT, LIST and RETR, and QUIT (RFC 1939 §5, §6).
     */
    public Set<Pop3Verb> forwardVerbs() {
        Set<Pop3Verb> forward = switch (phase) {
            case AUTHORIZATION -> userGiven ? EnumSet.of(Pop3Verb.PASS) : EnumSet.of(Pop3Verb.STLS, Pop3Verb.USER);
            case TRANSACTION -> EnumSet.of(Pop3Verb.STAT, Pop3Verb.LIST, Pop3Verb.RETR, Pop3Verb.QUIT);
            default -> EnumSet.noneOf(Pop3Verb.class);
        };
        forward.removeIf(verb -> !isLegal(verb));
        return forward;
    }

    public boolean isLegal(Pop3Verb verb) {
        return verb.isLegalIn(this);
    }
}
