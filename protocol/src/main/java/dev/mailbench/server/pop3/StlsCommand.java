package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.io.IOException;

/**
 * STLS (RFC 2595 §4): TLS from here on. Only in the AUTHORIZATION state and only once. A client must wait
 * for the reply and start the handshake; plain text it sends before that could have been injected by anyone
 * on the path and would be read as if it came under TLS, so it is refused and the connection closed.
 */
final class StlsCommand implements Pop3Command {
    @Override
    public Pop3Verb verb() {
        return Pop3Verb.STLS;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        if (!session.context().offersTls()) {
            session.reply(Pop3ServerReply.TLS_UNAVAILABLE);
            return;
        }
        if (session.isTls()) {
            session.error(Pop3ServerReply.TLS_ALREADY_ACTIVE);
            return;
        }
        if (session.tlsUpgrade().hasPipelinedInput()) {
            session.note("The client sent more after STLS without waiting for the reply: refused");
            session.reply(Pop3ServerReply.STLS_PIPELINED);
            session.tlsUpgrade().end();
            return;
        }
        session.reply(Pop3ServerReply.STLS_READY);
        session.tlsUpgrade().startTls();
    }
}
