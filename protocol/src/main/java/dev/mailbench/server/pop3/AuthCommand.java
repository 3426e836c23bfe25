package dev.mailbench.server.pop3;

import dev.mailbench.server.ClaimedLogin;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslServerMechanism;
import dev.mailbench.sasl.SaslStep;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.wire.Line;
import java.io.IOException;
import java.util.Optional;

/**
 * AUTH mechanism [initial-response] (RFC 5034 §4): a SASL exchange of "+ base64" challenges and base64
 * responses; "*" cancels.
 *
 * <p>AUTH without a mechanism is answered {@code -ERR} with the list of mechanisms in the text. RFC 5034's
 * grammar requires a mechanism and names CAPA's SASL line (RFC 2449 §6.3) as the way to learn them; some
 * servers answer a bare AUTH with a multi-line list instead, which a client following RFC 5034 would read
 * as a successful login. A one-line {@code -ERR} cannot be misread by anyone, and still tells a person at a
 * keyboard what to type.
 */
final class AuthCommand implements Pop3Command {
    /** More rounds than any offered mechanism needs: a guard against a confused exchange. */
    private static final int MAX_ROUNDS = 5;

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.AUTH;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (line.arguments().isEmpty()) {
            session.error(Pop3ServerReply.AUTH_MECHANISM_REQUIRED,
                    "mechanisms", String.join(" ", SaslServerMechanism.NAMES));
            return;
        }
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        String name = line.argument(0);
        ClaimedLogin claimed = new ClaimedLogin(session.context().accounts());
        Optional<SaslServerMechanism> found = SaslServerMechanism.forName(name, claimed, session.context().hostName());
        if (found.isEmpty()) {
            session.error(Pop3ServerReply.AUTH_MECHANISM_UNKNOWN, "mechanism", Arguments.shown(name));
            return;
        }
        SaslServerMechanism mechanism = found.get();
        if (SaslServerMechanism.sendsPasswordInClear(mechanism.name())
                && !session.context().classPolicy().passwordsAllowed(session.isTls())) {
            session.note("AUTH " + mechanism.name() + " refused: this server takes passwords only under TLS (STLS first)");
            session.reply(Pop3ServerReply.PLAINTEXT_DISALLOWED);
            return;
        }
        Optional<byte[]> initial = Optional.empty();
        if (line.arguments().size() == 2) {
            initial = SaslText.decode(line.argument(1)); // "=" is the empty initial response (RFC 5034 §4)
            if (initial.isEmpty()) {
                session.error(Pop3ServerReply.AUTH_INVALID_BASE64);
                return;
            }
        }
        SaslStep verdict;
        Pop3SaslExchange exchange = session.saslExchange();
        exchange.authExchangeStarted(mechanism.name(), initial.isPresent() ? 1 : 0);
        try {
            verdict = converse(session, exchange, mechanism, mechanism.start(initial));
        } finally {
            exchange.authExchangeEnded();
        }
        String method = LoginAttempt.sasl(mechanism.name());
        if (verdict instanceof SaslStep.Authenticated authenticated) {
            // The mechanism has checked the credentials; the login policy still decides (faults, mailbox lock).
            session.login().logIn(new LoginAttempt(method, authenticated.user(), () -> true, Pop3ServerReply.AUTH_FAILED));
        } else if (verdict instanceof SaslStep.Rejected rejected) {
            switch (rejected.reason()) {
                case MALFORMED -> session.error(Pop3ServerReply.AUTH_MALFORMED, "mechanism", mechanism.name(),
                        "explanation", rejected.explanation());
                case NO_SHARED_SECRET -> session.login().logIn(LoginAttempt.refused(method, "", Pop3ServerReply.SHARED_SECRET_NOT_ENABLED));
                default -> session.login().logIn(LoginAttempt.refused(method, claimed.claimed().orElse(""),
                        Pop3ServerReply.AUTH_FAILED));
            }
        }
    }

    /** Sends challenges and reads responses until the mechanism decides; null when it was answered otherwise. */
    private static SaslStep converse(Pop3CommandContext session, Pop3SaslExchange exchange,
                                     SaslServerMechanism mechanism, SaslStep first)
            throws IOException {
        SaslStep step = first;
        for (int round = 0; step instanceof SaslStep.Challenge challenge; round++) {
            if (round == MAX_ROUNDS) {
                session.reply(Pop3ServerReply.AUTH_FAILED);
                return null;
            }
            exchange.challenge(challenge.challenge());
            Optional<Line> response = exchange.readAuthResponse();
            if (response.isEmpty()) {
                return null;
            }
            String text = response.get().text().strip();
            if (text.equals("*")) {
                session.reply(Pop3ServerReply.AUTH_CANCELLED); // RFC 5034 §4
                return null;
            }
            Optional<byte[]> decoded = SaslText.decode(text);
            if (decoded.isEmpty()) {
                session.error(Pop3ServerReply.AUTH_INVALID_BASE64);
                return null;
            }
            step = mechanism.step(decoded.get());
        }
        return step;
    }
}
