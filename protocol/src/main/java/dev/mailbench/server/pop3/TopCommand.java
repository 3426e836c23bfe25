package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.store.NoSuchMessageException;
import java.io.InputStream;
import java.util.OptionalInt;
import java.io.IOException;
import java.util.Set;

/** TOP msg n (RFC 1939 §7): the header, the blank line after it and the first n lines of the body. */
final class TopCommand implements Pop3Command {
    private static final String USAGE = "TOP msg n";

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.TOP;
    }

    @Override
    public Set<Pop3Phase> validIn() {
        return StateSets.TRANSACTION;
    }

    @Override
    public void execute(Pop3ServerSession session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, 2, 2, USAGE)) {
            return;
        }
        OptionalInt number = Arguments.number(session, line.argument(0), USAGE);
        if (number.isEmpty()) {
            return;
        }
        OptionalInt lines = Arguments.number(session, line.argument(1), USAGE);
        if (lines.isEmpty()) {
            return;
        }
        int n = number.getAsInt();
        InputStream content;
        try {
            content = session.mailbox().open(n);
        } catch (NoSuchMessageException e) {
            session.reply(Pop3ServerReply.NO_SUCH_MESSAGE, "number", line.argument(0));
            return;
        } catch (IOException e) {
            session.reply(Pop3ServerReply.MESSAGE_UNAVAILABLE, "number", String.valueOf(n));
            return;
        }
        try (InputStream in = content) {
            session.replyWithTop(Pop3ServerReply.TOP_FOLLOWS, in, lines.getAsInt(),
                    "number", String.valueOf(n), "lines", String.valueOf(lines.getAsInt()));
        }
    }
}
