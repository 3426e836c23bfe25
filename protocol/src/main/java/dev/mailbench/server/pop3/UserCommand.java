package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.io.IOException;

/**
 * USER name (RFC 1939 §7). Always accepted: whether the name exists is only told together with the
 * password's verdict, so that USER cannot be used to find out who has a mailbox here.
 */
final class UserCommand implements Pop3Command {
    @Override
    public Pop3Verb verb() {
        return Pop3Verb.USER;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        if (!session.context().classPolicy().passwordsAllowed(session.isTls())) {
            session.note("USER refused: this server takes passwords only under TLS (STLS first)");
            session.reply(Pop3ServerReply.PLAINTEXT_DISALLOWED);
            return;
        }
        session.login().userGiven(line.argument(0));
        session.reply(Pop3ServerReply.USER_ACCEPTED, "user", Arguments.shown(line.argument(0)));
    }
}
