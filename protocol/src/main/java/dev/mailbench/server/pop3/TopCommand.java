package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;

/** TOP msg n (RFC 1939 §7): the header, the blank line after it and the first n lines of the body. */
final class TopCommand implements Pop3Command {

    @Override
    public Pop3Verb verb() {
        return Pop3Verb.TOP;
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
        OptionalInt lines = Arguments.number(session, line.argument(1), verb());
        if (lines.isEmpty()) {
            return;
        }
        Optional<MessageText> text = MessageText.open(session, line.argument(0), number.getAsInt());
        if (text.isEmpty()) {
            return;
        }
        try (InputStream in = text.get().content()) {
            session.replyWithTop(Pop3ServerReply.TOP_FOLLOWS, in, lines.getAsInt(),
                    "number", String.valueOf(text.get().number()), "lines", String.valueOf(lines.getAsInt()));
        }
    }
}
