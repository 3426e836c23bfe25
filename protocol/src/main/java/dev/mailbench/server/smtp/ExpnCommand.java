package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import java.util.List;
import java.util.Optional;

/** EXPN (RFC 5321 §3.5.2, §4.1.1.7): the members of a mailing list, one per line of a multi-line 250. */
final class ExpnCommand implements SmtpCommand {
    /** The usage a {@code 501} shows: the verb's keyword, in words plainer than RFC 5321 §4.1.1.7's grammar. */
    static final String SYNTAX = SmtpVerb.EXPN.keyword() + " list";

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        if (argument.isEmpty()) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SYNTAX);
        }
        Optional<List<String>> members = connection.context().accounts().expand(argument);
        if (members.isPresent() && !members.get().isEmpty()) {
            return SmtpReplies.S250_EXPN.withLines(members.get());
        }
        String name = VrfyCommand.stripBrackets(argument);
        return connection.context().accounts().verify(argument).isPresent()
                ? connection.reply(SmtpReplies.S550_NOT_A_LIST, "address", name)
                : connection.reply(SmtpReplies.S550_VRFY_UNKNOWN, "address", name);
    }
}
