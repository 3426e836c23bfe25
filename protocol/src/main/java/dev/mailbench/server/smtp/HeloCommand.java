package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;

/** HELO (RFC 5321 §4.1.1.1): the old introduction; no extensions follow. Like RSET, it ends any transaction. */
final class HeloCommand implements SmtpCommand {
    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        if (argument.isEmpty()) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", "HELO domain");
        }
        connection.session().greet(argument, false);
        return connection.reply(SmtpReplies.S250_HELO);
    }
}
