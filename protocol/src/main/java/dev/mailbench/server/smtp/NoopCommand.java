package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;

/** NOOP (RFC 5321 §4.1.1.9): does nothing; an argument is allowed and ignored. */
final class NoopCommand implements SmtpCommand {
    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        return connection.reply(SmtpReplies.S250_OK);
    }
}
