package dev.mailbench.server.smtp;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.RecentPopLogins;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;

/**
 * RCPT TO (RFC 5321 §4.1.1.3): adds a recipient. Local users (and aliases, lists, the Postmaster) are
 * accepted, unknown local users get {@code 550 5.1.1}, other domains are relaying and follow the
 * {@link RelayPolicy}. Beyond the recipient limit: {@code 452 4.5.3} (RFC 5321 §4.5.3.1.10).
 */
final class RcptCommand implements SmtpCommand {
    /** The usage a {@code 501} shows: the verb's keyword, in words plainer than RFC 5321 §4.1.1.3's grammar. */
    static final String SYNTAX = SmtpVerb.RCPT.keyword() + " TO:<address>";

    @Override
    public SmtpReply execute(SmtpCommandContext connection, String argument) {
        PathArgument.Parsed parsed = PathArgument.parse(argument, "TO", false);
        if (parsed.path().isEmpty()) {
            return parsed.problem() == PathArgument.Problem.SYNTAX
                    ? connection.reply(SmtpReplies.S501_SYNTAX, "syntax", SYNTAX)
                    : connection.reply(SmtpReplies.S501_BAD_RECIPIENT, "address", parsed.offending());
        }
        PathArgument path = parsed.path().get();
        if (!path.parameters().isEmpty()) {
            // No RCPT parameters are offered (no DSN, RFC 3461).
            return connection.reply(SmtpReplies.S555_UNSUPPORTED_PARAMETER, "parameter",
                    path.parameters().keySet().iterator().next());
        }
        Envelope envelope = connection.session().envelope().orElseThrow();
        if (envelope.recipients().size() >= connection.context().limits().maxRecipients()) {
            return connection.reply(SmtpReplies.S452_TOO_MANY_RECIPIENTS);
        }
        String address = path.address();
        Accounts.Destination destination = connection.context().accounts().resolve(address);
        if (destination instanceof Accounts.UnknownLocal) {
            return connection.reply(SmtpReplies.S550_UNKNOWN_USER, "address", address);
        }
        if (destination instanceof Accounts.Remote) {
            SmtpServerContext context = connection.context();
            Session session = connection.session();
            RelayPolicy relay = context.relay().get();
            RelayPolicy.Permission permission = relay.relayPermission(context.bindAddress(),
                    session.authenticated(), session.clientAddress(), context.popLogins());
            if (permission == RelayPolicy.Permission.DENIED) {
                return connection.reply(SmtpReplies.S550_RELAY_DENIED, "address", address);
            }
            if (permission == RelayPolicy.Permission.SMTP_AFTER_POP) {
                RecentPopLogins.Login login = context.popLogins()
                        .loginWithin(session.clientAddress(), relay.smtpAfterPopWindow()).orElseThrow();
                String minutes = String.valueOf(context.popLogins().minutesSince(login));
                connection.note("Relaying for " + address + " allowed (SMTP after POP: " + login.user()
                        + " logged in over POP3 from this address " + minutes + " min ago); the message will be held in "
                        + RelayPolicy.OUTBOX_MAILBOX + ", never sent out");
                envelope.addRecipient(new Envelope.Recipient(address, destination));
                return connection.reply(SmtpReplies.S250_RELAY_AFTER_POP, "address", address, "user", login.user(),
                        "minutes", minutes);
            }
            connection.note("Relaying for " + address + " allowed (authenticated as "
                    + session.authenticatedUser().orElseThrow() + "); the message will be held in "
                    + RelayPolicy.OUTBOX_MAILBOX + ", never sent out");
        }
        envelope.addRecipient(new Envelope.Recipient(address, destination));
        return connection.reply(SmtpReplies.S250_RECIPIENT_OK, "address", address);
    }
}
