package dev.mailbench.server.pop3;

import dev.mailbench.server.Accounts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server side of one SASL mechanism during POP3 AUTH (RFC 5034 §4): {@link #start} with the initial
 * response the client sent with the command (if any), then {@link #step} with each further response, until
 * the exchange knows who the client claims to be. The claim itself is decided by the login policy, like
 * USER/PASS and APOP. Base64 and the "+ " lines are the session's business; an exchange sees decoded bytes.
 *
 * <p>These small exchanges serve POP3 until the shared server-side mechanisms of the {@code sasl} package
 * ({@code SaslServerMechanism}) take their place; the shape is the same, so the switch is an adapter.
 */
interface AuthExchange {

    /** The mechanisms offered, in the order CAPA lists them (RFC 2449 §6.3). */
    List<String> MECHANISMS = List.of("PLAIN", "LOGIN", "CRAM-MD5");

    /** A new exchange for a mechanism name (case-insensitive), if it is offered. */
    static Optional<AuthExchange> forName(String mechanism, Accounts accounts, String hostName) {
        return switch (mechanism.toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> Optional.of(new PlainAuthExchange(accounts));
            case "LOGIN" -> Optional.of(new LoginAuthExchange(accounts));
            case "CRAM-MD5" -> Optional.of(new CramMd5AuthExchange(accounts, Timestamps.next(hostName)));
            default -> Optional.empty();
        };
    }

    /** The registered name. */
    String mechanism();

    /** Begins the exchange; {@code initialResponse} is what came with the AUTH command, decoded. */
    Step start(Optional<byte[]> initialResponse);

    /** The client's (decoded) answer to the last challenge. */
    Step step(byte[] response);

    /** What an exchange wants next. */
    sealed interface Step permits Challenge, Finished, Malformed {
    }

    /** Send this challenge and wait for the next response. */
    record Challenge(byte[] bytes) implements Step {
    }

    /** The exchange is over; the login policy decides the claim. */
    record Finished(LoginAttempt attempt) implements Step {
    }

    /** The client's message does not have the mechanism's form; {@code explanation} says what was expected. */
    record Malformed(String explanation) implements Step {
    }
}
