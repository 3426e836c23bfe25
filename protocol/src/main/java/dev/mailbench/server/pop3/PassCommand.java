package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.io.IOException;
import java.util.Optional;

/**
 * PASS string (RFC 1939 §7): only right after a successful USER. The whole rest of the line is the
 * password, spaces included, as RFC 1939 §7 allows.
 */
final class PassCommand implements Pop3Command {
    /** The login method, for the transcript: the two verbs of RFC 1939 §7. */
    private static final String METHOD = Pop3Verb.USER.name() + "/" + Pop3Verb.PASS.name();
    @Override
    public Pop3Verb verb() {
        return Pop3Verb.PASS;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        Optional<String> user = session.login().userGivenJustBefore();
        if (user.isEmpty()) {
            session.error(Pop3ServerReply.PASS_WITHOUT_USER);
            return;
        }
        String password = line.argumentText();
        if (password.isEmpty()) {
            session.error(Pop3ServerReply.INVALID_ARGUMENTS, "usage", verb().syntax());
            return;
        }
        String name = user.get();
        var accounts = session.context().accounts();
        session.login().logIn(new LoginAttempt(METHOD, name, () -> accounts.verifyPassword(name, password),
                Pop3ServerReply.AUTH_FAILED));
    }
}
