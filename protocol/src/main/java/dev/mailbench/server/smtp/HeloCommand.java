package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;

/** HELO (RFC 5321 §4.1.1.1): the old introduction; no extensions follow. Like RSET, it ends any transaction. */
final class HeloCommand implements SmtpCommand {
    /** The usage a {@code 501} shows: the verb's keyword, in words plainer than RFC 5321 §4.1.1.1's grammar. */
    static final String SYNTAX = SmtpVerb.HELO.keyword() + " domain";

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        if (argument.isEmpty()) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SYNTAX);
        }
        connection.session().greet(argument, false);
        return connection.reply(SmtpReplies.S250_HELO);
    }
}
