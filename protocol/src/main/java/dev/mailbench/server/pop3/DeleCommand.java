package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.store.NoSuchMessageException;
import java.util.OptionalInt;
import java.io.IOException;

/** DELE msg (RFC 1939 §5): marks a message; it is removed only in the UPDATE state after QUIT. */
final class DeleCommand implements Pop3Command {

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.DELE;
    }

    @Override
    public void execute(Pop3CommandContext session, Pop3CommandLine line) throws IOException {
        if (!Arguments.count(session, line, verb())) {
            return;
        }
        OptionalInt number = Arguments.number(session, line.argument(0), verb());
        if (number.isEmpty()) {
            return;
        }
        try {
            session.mailbox().markDeleted(number.getAsInt());
            session.reply(Pop3ServerReply.MARKED_DELETED, "number", String.valueOf(number.getAsInt()));
        } catch (NoSuchMessageException e) {
            session.reply(Pop3ServerReply.NO_SUCH_MESSAGE, "number", line.argument(0));
        }
    }
}
