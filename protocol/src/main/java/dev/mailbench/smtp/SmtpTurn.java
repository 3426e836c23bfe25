package dev.mailbench.smtp;

import java.util.Objects;
import java.util.Optional;

/**
 * What a reply answers: the connection itself (the greeting, RFC 5321 §3.1), a command line, the end of the
 * message text (RFC 5321 §4.1.1.4) or a response in an AUTH exchange (RFC 4954 §4).
 *
 * @param kind     which of these
 * @param sequence the transcript sequence number of the line answered; -1 for the connection
 * @param verb     the verb of a command line, when it is one Mailbench knows; AUTH for an AUTH response
 */
public record SmtpTurn(Kind kind, long sequence, Optional<SmtpVerb> verb) {

    /** The kinds of turn a reply answers. */
    public enum Kind {
        /** The greeting answers the connection, not a line. */
        CONNECTION,
        COMMAND,
        END_OF_DATA,
        AUTH_RESPONSE
    }

    public SmtpTurn {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(verb, "verb");
    }

    static SmtpTurn connection() {
        return new SmtpTurn(Kind.CONNECTION, -1, Optional.empty());
    }

    /** Whether this turn is part of an AUTH exchange: the AUTH command or a response to a challenge. */
    public boolean isAuth() {
        return kind == Kind.AUTH_RESPONSE || verb.filter(v -> v == SmtpVerb.AUTH).isPresent();
    }
}
