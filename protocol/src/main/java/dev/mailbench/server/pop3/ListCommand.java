package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.store.MailboxSummary;
import dev.mailbench.store.MaildropMessage;
import java.util.List;

/** LIST [msg] (RFC 1939 §5): "number size" of one message, or of every message not marked deleted. */
final class ListCommand extends MessageListingCommand {

    ListCommand() {
        super(Pop3ServerReply.SCAN_LISTING, Pop3ServerReply.SCAN_LINE, "octets");
    }

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.LIST;
    }

    @Override
    String detail(MaildropMessage message) {
        return String.valueOf(message.sizeOctets());
    }

    @Override
    String[] listingValues(Pop3CommandContext session, List<String> lines) {
        MailboxSummary summary = session.mailbox().summary();
        return new String[] {"count", String.valueOf(summary.messageCount()), "octets", String.valueOf(summary.totalOctets())};
    }
}
