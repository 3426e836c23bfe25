package dev.mailbench.app.practice;

import java.util.List;
import java.util.Locale;

/**
 * A practice account as the panel lists it: its login, what a student types as password, and its mailbox.
 *
 * @param user     the login name
 * @param password the password when it is kept recoverable (for APOP and CRAM-MD5), else empty: then only a
 *                 hash is stored and not even the server can show it
 * @param messages the messages in the mailbox, in delivery order
 */
public record MailboxRow(String user, String password, List<MailboxMessage> messages) {

    public MailboxRow {
        messages = List.copyOf(messages);
    }

    public long octets() {
        return messages.stream().mapToLong(message -> message.stored().sizeOctets()).sum();
    }

    /** {@code alice: 2 messages, 1,234 octets}. */
    public String summary() {
        int count = messages.size();
        return user + ": " + count + (count == 1 ? " message, " : " messages, ")
                + String.format(Locale.ROOT, "%,d", octets()) + " octets";
    }
}
