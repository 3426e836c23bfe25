package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import java.io.IOException;

/**
 * STARTTLS (RFC 3207): {@code 220}, the TLS handshake, and a fresh start: the client must say EHLO again
 * (§4.2). Plain text the client pipelined after the command is refused, never read (§4, §6). Without TLS
 * configured the server does not offer STARTTLS, and the verb's rule answers 454 before this runs.
 */
final class StartTlsCommand implements SmtpCommand {
    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) throws IOException {
        if (!argument.isEmpty()) {
            return connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SmtpVerb.STARTTLS.syntax());
        }
        connection.tlsUpgrade().upgradeToTls();
        return null; // answered (220 or 554) inside the upgrade
    }
}
