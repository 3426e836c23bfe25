package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.store.MailboxSummary;
import java.io.IOException;

/** RSET (RFC 1939 §5): every message marked deleted is unmarked. */
final class RsetCommand implements Pop3Command {
    @Override
    public Pop3Verb verb() {
        return Pop3Verb.RSET;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        session.mailbox().unmarkAll();
        MailboxSummary summary = session.mailbox().summary();
        session.reply(Pop3ServerReply.RESET,
                "count", String.valueOf(summary.messageCount()), "octets", String.valueOf(summary.totalOctets()));
    }
}
