package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.store.MaildropMessage;
import java.util.List;

/**
 * UIDL [msg] (RFC 1939 §7): the unique-id of one message or of every message not marked deleted. The ids
 * come from the store, so they stay the same across sessions and server restarts.
 */
final class UidlCommand extends MessageListingCommand {

    UidlCommand() {
        super(Pop3ServerReply.UNIQUE_ID_LISTING, Pop3ServerReply.UNIQUE_ID_LINE, "uid");
    }

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.UIDL;
    }

    @Override
    String detail(MaildropMessage message) {
        return message.uid();
    }

    @Override
    String[] listingValues(Pop3CommandContext session, List<String> lines) {
        return new String[] {"count", String.valueOf(lines.size())};
    }
}
