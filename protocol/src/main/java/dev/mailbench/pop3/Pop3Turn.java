package dev.mailbench.pop3;

import java.util.Objects;
import java.util.Optional;

/**
 * What a response answers: the connection itself (the greeting, RFC 1939 §4), a command line, or a response in
 * an AUTH exchange (RFC 5034 §4).
 *
 * @param kind      which of these
 * @param sequence  the transcript sequence number of the line answered; -1 for the connection
 * @param verb      the verb of a command line, when it is one Mailbench knows; AUTH for an AUTH response
 * @param multiLine whether a positive response to it carries a dot-terminated text (RFC 1939 §3)
 */
public record Pop3Turn(Kind kind, long sequence, Optional<Pop3Verb> verb, boolean multiLine) {

    /** The kinds of turn a response answers. */
    public enum Kind {
        /** The greeting answers the connection, not a line. */
        CONNECTION,
        COMMAND,
        AUTH_RESPONSE
    }

    public Pop3Turn {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verb, "verb");
    }

    static Pop3Turn connection() {
        return new Pop3Turn(Kind.CONNECTION, -1, Optional.empty(), false);
    }

    /** Whether this turn is part of an AUTH exchange: the AUTH command or a response to a challenge. */
    public boolean isAuth() {
        return kind == Kind.AUTH_RESPONSE || is(Pop3Verb.AUTH);
    }

    /** Whether this turn is a command with this verb. */
    public boolean is(Pop3Verb wanted) {
        return kind == Kind.COMMAND && verb.filter(v -> v == wanted).isPresent();
    }
}
