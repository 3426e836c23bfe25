package dev.mailbench.server.pop3;

import dev.mailbench.store.MaildropMessage;
import dev.mailbench.store.NoSuchMessageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * LIST [msg] and UIDL [msg] (RFC 1939 §5, §7): without an argument, a line "number detail" for every
 * message not marked deleted; with one, that message's line alone. They differ only in the detail (the
 * size or the unique-id) and the replies that carry it.
 */
abstract class MessageListingCommand implements Pop3Command {
    private final Pop3ServerReply listing;
    private final Pop3ServerReply single;
    private final String detailKey;

    /**
     * @param listing   the positive reply before the lines of every message
     * @param single    the one-line reply for one message, with {@code {number}} and the detail
     * @param detailKey the name of the detail's placeholder in {@code single}
     */
    MessageListingCommand(Pop3ServerReply listing, Pop3ServerReply single, String detailKey) {
        this.listing = listing;
        this.single = single;
        this.detailKey = detailKey;
    }

    /** What the listing tells of a message besides its number. */
    abstract String detail(MaildropMessage message);

    /** The values of the listing reply's placeholders, given the listing's lines. */
    abstract String[] listingValues(Pop3CommandContext session, List<String> lines);

    @Override
    public final void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        if (line.arguments().isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (MaildropMessage m : session.mailbox().messages()) {
                lines.add(m.number() + " " + detail(m));
            }
            session.replyWithLines(listing, lines, listingValues(session, lines));
            return;
        }
        OptionalInt number = Arguments.number(session, line.argument(0), verb());
        if (number.isEmpty()) {
            return;
        }
        try {
            MaildropMessage m = session.mailbox().message(number.getAsInt());
            session.reply(single, "number", String.valueOf(m.number()), detailKey, detail(m));
        } catch (NoSuchMessageException e) {
            session.reply(Pop3ServerReply.NO_SUCH_MESSAGE, "number", line.argument(0));
        }
    }
}
