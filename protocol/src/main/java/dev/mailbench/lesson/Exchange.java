package dev.mailbench.lesson;

import dev.mailbench.wire.MailProtocol;
import java.util.Optional;

/**
 * One line the client sent and the reply that answered it, as a dialogue reader paired them; the greeting is an
 * exchange too (its line is the connection). What checks read instead of raw lines.
 */
final class Exchange {

    /** What the client's side of the exchange was. */
    enum Kind { GREETING, COMMAND, END_OF_DATA, AUTH_RESPONSE }

    /** A reply as checks compare it: {@code 250} with {@code 2.1.5}, or {@code +OK}, {@code -ERR}. */
    record Reply(String code, String enhanced, boolean positive, boolean negative, String text) { }

    final long order;
    final int session;
    final MailProtocol protocol;
    final Kind kind;
    /** The verb's keyword ({@code MAIL}, {@code RETR}); null for an unknown verb and for what is not a command. */
    final String verb;
    /** The command line after its verb, as sent ({@code FROM:<bob@example.test>}). */
    final String argument;
    /** Whether the client's line travelled inside TLS. */
    final boolean tls;
    private Reply reply;

    Exchange(long order, int session, MailProtocol protocol, Kind kind, String verb, String argument, boolean tls) {
        this.order = order;
        this.session = session;
        this.protocol = protocol;
        this.kind = kind;
        this.verb = verb;
        this.argument = argument;
        this.tls = tls;
    }

    Optional<Reply> reply() {
        return Optional.ofNullable(reply);
    }

    void replied(Reply answer) {
        reply = answer;
    }

    boolean isCommand(String keyword) {
        return kind == Kind.COMMAND && keyword.equals(verb);
    }

    boolean positive() {
        return reply != null && reply.positive();
    }

    /** What a check names this exchange by: the verb, or {@code greeting}, {@code end-of-data}. */
    String target() {
        return switch (kind) {
            case GREETING -> Check.GREETING;
            case END_OF_DATA -> Check.END_OF_DATA;
            case AUTH_RESPONSE -> "AUTH";
            case COMMAND -> verb;
        };
    }
}
