package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;

/** RETR msg (RFC 1939 §5): the whole message, byte-stuffed, streamed from the store. */
final class RetrCommand implements Pop3Command {

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.RETR;
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
        Optional<MessageText> text = MessageText.open(session, line.argument(0), number.getAsInt());
        if (text.isEmpty()) {
            return;
        }
        try (InputStream in = text.get().content()) {
            session.replyWithMessage(Pop3ServerReply.MESSAGE_FOLLOWS, in, "number", String.valueOf(text.get().number()),
                    "octets", String.valueOf(text.get().message().sizeOctets()));
        }
    }
}
