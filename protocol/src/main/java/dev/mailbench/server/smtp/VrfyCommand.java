package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import java.util.Optional;

/**
 * VRFY (RFC 5321 §3.5.1, §4.1.1.6): whether a user or alias exists, answered with the full name and
 * address. Real servers often disable it against address harvesting; a practice server shows it.
 */
final class VrfyCommand implements SmtpCommand {
    /** The usage a {@code 501} shows: the verb's keyword, in words plainer than RFC 5321 §4.1.1.6's grammar. */
    static final String SYNTAX = SmtpVerb.VRFY.keyword() + " user-or-address";

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        if (argument.isEmpty()) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SYNTAX);
        }
        Optional<String> found = connection.context().accounts().verify(argument);
        return found.isPresent()
                ? connection.reply(SmtpReplies.S250_VRFY, "address", found.get())
                : connection.reply(SmtpReplies.S550_VRFY_UNKNOWN, "address", stripBrackets(argument));
    }

    static String stripBrackets(String argument) {
        return argument.replaceAll("^<|>$", "");
    }
}
