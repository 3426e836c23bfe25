package dev.mailbench.lesson;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What a lesson may read of the mail store: the header fields of the messages in a mailbox, nothing more and
 * nothing written. The practice server's Maildir is read through {@link StoreMailboxes}; a test may give a map.
 */
@FunctionalInterface
public interface MailboxView {

    /** A view of no mailbox at all, for checks made from transcripts alone. */
    MailboxView NONE = user -> List.of();

    /**
     * The header fields of each message in {@code user}'s mailbox, oldest first; each map from the field name as
     * written to its values, unfolded. An unknown user has none.
     */
    List<Map<String, List<String>>> headers(String user) throws IOException;

    /**
     * The same mailboxes holding only the messages {@code student} sent ({@link MessageSender}): what a student's
     * {@code delivered:} checks read in a class, where everyone's messages reach the same mailboxes.
     */
    default MailboxView sentBy(String student) {
        return user -> headers(user).stream().filter(message -> MessageSender.is(message, student)).toList();
    }
}
