package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.ApopDigest;
import dev.mailbench.server.Accounts;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * APOP name digest (RFC 1939 §7): the MD5 of the greeting's timestamp followed by the shared secret, so
 * the secret never crosses the wire. The server must hold the secret in recoverable form; an account that
 * does not is told so.
 */
final class ApopCommand implements Pop3Command {
    /** The login method, for the transcript: the verb itself. */
    private static final String METHOD = Pop3Verb.APOP.name();
    @Override
    public Pop3Verb verb() {
        return Pop3Verb.APOP;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        String name = line.argument(0);
        String digest = line.argument(1).toLowerCase(Locale.ROOT);
        session.login().logIn(attempt(session.context().accounts(), session.login().apopTimestamp(), name, digest));
    }

    private static LoginAttempt attempt(Accounts accounts, String timestamp, String name, String digest) {
        if (accounts.mailboxOf(name).isEmpty()) {
            return LoginAttempt.refused(METHOD, name, Pop3ServerReply.AUTH_FAILED);
        }
        Optional<String> secret = accounts.sharedSecret(name);
        if (secret.isEmpty()) {
            return LoginAttempt.refused(METHOD, name, Pop3ServerReply.SHARED_SECRET_NOT_ENABLED);
        }
        return new LoginAttempt(METHOD, name, () -> ApopDigest.matches(timestamp, secret.get(), digest),
                Pop3ServerReply.AUTH_FAILED);
    }
}
