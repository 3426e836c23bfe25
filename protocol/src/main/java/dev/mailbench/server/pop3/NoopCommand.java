package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.io.IOException;

/** NOOP (RFC 1939 §5): nothing but a positive reply; valid only in the TRANSACTION state. */
final class NoopCommand implements Pop3Command {
    @Override
    public Pop3Verb verb() {
        return Pop3Verb.NOOP;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        session.reply(Pop3ServerReply.NOOP);
    }
}
