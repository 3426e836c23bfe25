package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.io.IOException;

/**
 * QUIT (RFC 1939 §6): in the TRANSACTION state the UPDATE state removes the messages marked deleted; in
 * AUTHORIZATION the server just says goodbye. Either way the connection closes.
 */
final class QuitCommand implements Pop3Command {
    @Override
    public Pop3Verb verb() {
        return Pop3Verb.QUIT;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        session.quit();
    }
}
