package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.store.MailboxSummary;
import dev.mailbench.store.MaildropMessage;
import dev.mailbench.store.NoSuchMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.io.IOException;
import java.util.Set;

/** LIST [msg] (RFC 1939 §5): "number size" of one message, or of every message not marked deleted. */
final class ListCommand implements Pop3Command {
    private static final String USAGE = "LIST [msg]";

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.LIST;
    }

    @Override
    public Set<Pop3Phase> validIn() {
        return StateSets.TRANSACTION;
    }

    @Override
    public void execute(Pop3ServerSession session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, 0, 1, USAGE)) {
            return;
        }
        if (line.arguments().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (MaildropMessage m : session.mailbox().messages()) {
                lines.add(m.number() + " " + m.sizeOctets());
            }
            MailboxSummary summary = session.mailbox().summary();
            session.replyWithLines(Pop3ServerReply.SCAN_LISTING, lines,
                    "count", String.valueOf(summary.messageCount()), "octets", String.valueOf(summary.totalOctets()));
            return;
        }
        OptionalInt number = Arguments.number(session, line.argument(0), USAGE);
        if (number.isEmpty()) {
            return;
        }
        try {
            MaildropMessage m = session.mailbox().message(number.getAsInt());
            session.reply(Pop3ServerReply.SCAN_LINE,
                    "number", String.valueOf(m.number()), "octets", String.valueOf(m.sizeOctets()));
        } catch (NoSuchMessageException e) {
            session.reply(Pop3ServerReply.NO_SUCH_MESSAGE, "number", line.argument(0));
        }
    }
}
