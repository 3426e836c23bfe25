package dev.mailbench.server.smtp;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.ClassPolicy;
import dev.mailbench.smtp.SmtpReply;
import java.io.IOException;
import java.util.Optional;

/**
 * RCPT to a class's student whose mailbox has reached its size ({@code StudentLimits#mailboxOctets}):
 * {@code 552 5.2.2} (RFC 3463 X.2.2, mailbox full; RFC 5321 §4.5.3.1.10 lets a client take a 552 at RCPT as
 * temporary), so one student's mail cannot fill the disk. Other recipients go straight to the command.
 */
final class MailboxQuota implements SmtpCommand {
    private final SmtpCommand command;

    MailboxQuota(SmtpCommand command) {
        this.command = command;
    }

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) throws IOException {
        ClassPolicy policy = connection.context().classPolicy();
        Optional<PathArgument> path = PathArgument.parse(argument, "TO", false).path();
        if (policy.students().isEmpty() || path.isEmpty()) {
            return command.execute(connection, argument);
        }
        String address = path.get().address();
        if (connection.context().accounts().resolve(address) instanceof Accounts.Local local) {
            long incoming = connection.session().envelope()
                    .map(envelope -> envelope.declaredSize().orElse(0)).orElse(0L);
            for (String user : local.users()) {
                long held = connection.context().backend().mailboxOctets(user);
                if (policy.delivery(user, held, incoming).isPresent()) {
                    connection.note("The mailbox of " + user + " holds " + held + " octets, its limit is "
                            + policy.limits().mailboxOctets() + ": full");
                    return connection.reply(SmtpReplies.S552_MAILBOX_FULL, "address", address);
                }
            }
        }
        return command.execute(connection, argument);
    }
}
