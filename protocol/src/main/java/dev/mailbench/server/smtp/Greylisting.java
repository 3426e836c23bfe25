package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import java.io.IOException;

/** A fault around RCPT: while greylisting is on, a triplet's first attempt gets {@code 450 4.7.1}. */
final class Greylisting implements SmtpCommand {
    private final SmtpCommand rcpt;

    Greylisting(SmtpCommand rcpt) {
        this.rcpt = rcpt;
    }

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) throws IOException {
        if (!connection.context().faults().greylisting()) {
            return rcpt.execute(connection, argument);
        }
        PathArgument.Parsed parsed = PathArgument.parse(argument, "TO", false);
        if (parsed.path().isEmpty()) {
            return rcpt.execute(connection, argument); // a syntax error is answered as such
        }
        String recipient = parsed.path().get().address();
        String sender = connection.session().envelope().map(Envelope::reversePath).orElse("");
        if (connection.greylist().firstAttempt(connection.session().clientAddress(), sender, recipient)) {
            connection.note("Fault injected: greylisting; first attempt from this address, sender <"
                    + sender + "> and recipient <" + recipient + ">, so come back later (a retry is accepted)");
            return connection.reply(SmtpReplies.S450_GREYLISTED, "address", recipient);
        }
        return rcpt.execute(connection, argument);
    }
}
