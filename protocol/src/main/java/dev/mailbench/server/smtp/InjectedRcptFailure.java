package dev.mailbench.server.smtp;

import dev.mailbench.smtp.SmtpReply;
import java.io.IOException;

/** A fault around RCPT: while switched on, every recipient fails temporarily with 451 or 452. */
final class InjectedRcptFailure implements SmtpCommand {
    private final SmtpCommand rcpt;

    InjectedRcptFailure(SmtpCommand rcpt) {
        this.rcpt = rcpt;
    }

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) throws IOException {
        int code = connection.context().faults().rcptTemporaryFailure();
        if (code == 0) {
            return rcpt.execute(connection, argument);
        }
        connection.note("Fault injected: temporary failure " + code + " on RCPT");
        if (code == 452) {
            return connection.reply(SmtpReplies.S452_INSUFFICIENT_STORAGE);
        }
        String address = PathArgument.parse(argument, "TO", false).path().map(PathArgument::address).orElse(argument);
        return connection.reply(SmtpReplies.S451_RECIPIENT_TEMPORARY, "address", address);
    }
}
