package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.store.MaildropMessage;
import dev.mailbench.store.NoSuchMessageException;
import java.io.InputStream;
import java.util.OptionalInt;
import java.io.IOException;
import java.util.Set;

/** RETR msg (RFC 1939 §5): the whole message, byte-stuffed, streamed from the store. */
final class RetrCommand implements Pop3Command {
    private static final String USAGE = "RETR msg";

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.RETR;
    }

    @Override
    public Set<Pop3Phase> validIn() {
        return StateSets.TRANSACTION;
    }

    @Override
    public void execute(Pop3ServerSession session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, 1, 1, USAGE)) {
            return;
        }
        OptionalInt number = Arguments.number(session, line.argument(0), USAGE);
        if (number.isEmpty()) {
            return;
        }
        int n = number.getAsInt();
        MaildropMessage message;
        InputStream content;
        try {
            message = session.mailbox().message(n);
            content = session.mailbox().open(n);
        } catch (NoSuchMessageException e) {
            session.reply(Pop3ServerReply.NO_SUCH_MESSAGE, "number", line.argument(0));
            return;
        } catch (IOException e) {
            session.reply(Pop3ServerReply.MESSAGE_UNAVAILABLE, "number", String.valueOf(n));
            return;
        }
        try (InputStream in = content) {
            session.replyWithMessage(Pop3ServerReply.MESSAGE_FOLLOWS, in,
                    "number", String.valueOf(n), "octets", String.valueOf(message.sizeOctets()));
        }
    }
}
