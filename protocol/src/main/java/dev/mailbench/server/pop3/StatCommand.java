package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.store.MailboxSummary;
import java.io.IOException;

/** STAT (RFC 1939 §5): "+OK count octets" of the messages not marked deleted. */
final class StatCommand implements Pop3Command {
    @Override
    public Pop3Verb verb() {
        return Pop3Verb.STAT;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        MailboxSummary summary = session.mailbox().summary();
        session.reply(Pop3ServerReply.MAILDROP_STATUS,
                "count", String.valueOf(summary.messageCount()), "octets", String.valueOf(summary.totalOctets()));
    }
}
