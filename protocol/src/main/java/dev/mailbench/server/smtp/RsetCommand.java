package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;

/** RSET (RFC 5321 §4.1.1.5): abandons the transaction; the HELO/EHLO and AUTH state stay. */
final class RsetCommand implements SmtpCommand {
    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        if (!argument.isEmpty()) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SmtpVerb.RSET.syntax());
        }
        connection.session().endTransaction();
        return connection.reply(SmtpReplies.S250_OK);
    }
}
