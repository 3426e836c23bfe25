package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;

/** QUIT (RFC 5321 §4.1.1.10): {@code 221}, then the server closes the connection. */
final class QuitCommand implements SmtpCommand {
    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        if (!argument.isEmpty()) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SmtpVerb.QUIT.syntax());
        }
        connection.session().endTransaction();
        connection.closeAfterReply();
        return connection.reply(SmtpReplies.S221_BYE);
    }
}
