package dev.mailbench.server;

import dev.mailbench.store.DeletionReport;
import dev.mailbench.store.MailboxInUseException;
import dev.mailbench.store.MailboxSummary;
import dev.mailbench.store.MaildropMessage;
import dev.mailbench.store.NoSuchMessageException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Where the servers keep mail, as they see it (the seam of go-smtp's {@code Backend}/{@code Session}): SMTP
 * {@linkplain #deliver delivers} a message to mailboxes, POP3 {@linkplain #openMaildrop opens a maildrop}.
 * The SMTP and POP3 servers depend on this interface only, never on how mail is stored.
 *
 * <p>It is defined here, by the servers that use it, and implemented over the Maildir store by
 * {@code practice.MaildirBackend}, an adapter: so the dependency points one way (server → store) and the
 * store stays free of protocol words and notions — it has deliveries and locked mailbox sessions, not SMTP
 * envelopes or POP3 maildrops. The values passed across ({@link MailboxSummary}, {@link MaildropMessage},
 * {@link DeletionReport}) and the store's exceptions are plain data, not the store's machinery.
 */
public interface MailBackend {

    /**
     * Begins receiving one message for {@code mailboxes} (duplicates get one copy). The message is written to
     * {@link MessageDelivery#body()} as it arrives and becomes visible only at {@link MessageDelivery#commit()}.
     *
     * @throws dev.mailbench.store.InvalidUserNameException if a name cannot name a mailbox
     * @throws IllegalArgumentException if {@code mailboxes} is empty
     */
    MessageDelivery deliver(List<String> mailboxes) throws IOException;

    /**
     * Opens {@code mailbox} for one POP3 session, locked against every other (RFC 1939 §8), with the
     * messages it holds now; it is created if it does not exist yet.
     *
     * @throws MailboxInUseException if another session holds it ({@code [IN-USE]}, RFC 2449 §8)
     * @throws dev.mailbench.store.InvalidUserNameException if the name cannot name a mailbox
     */
    Maildrop openMaildrop(String mailbox) throws MailboxInUseException, IOException;

    /**
     * The octets {@code mailbox} holds now, for a mailbox size limit; 0 for a mailbox that does not exist yet.
     *
     * @throws IOException if the mailbox cannot be read
     */
    default long mailboxOctets(String mailbox) throws IOException {
        return 0;
    }

    /** One message on its way in. Closing without {@link #commit()} discards it. */
    interface MessageDelivery extends Closeable {
        /** The canonical names of the mailboxes it goes to. */
        List<String> mailboxes();

        /** The message's unique name, which is also its POP3 UID. */
        String uniqueName();

        /** Where the message's octets are written. */
        OutputStream body();

        /** Makes the message durable and visible in every mailbox. */
        void commit() throws IOException;

        /** Discards the message; nothing of it was ever visible. Does nothing after commit. */
        void abort();

        /** Aborts what was not committed. */
        @Override
        void close();
    }

    /**
     * A mailbox opened for one POP3 session (RFC 1939 §5): its messages are numbered from 1 as they were at
     * opening; deletions are only marked until {@link #commitDeletions()} (the UPDATE state).
     */
    interface Maildrop extends Closeable {
        /** The canonical name of the mailbox. */
        String mailbox();

        /** Messages not marked deleted, and their octets. */
        MailboxSummary summary();

        /** The messages not marked deleted, in number order. */
        List<MaildropMessage> messages();

        MaildropMessage message(int number) throws NoSuchMessageException;

        /** The message's exact octets. */
        InputStream open(int number) throws NoSuchMessageException, IOException;

        void markDeleted(int number) throws NoSuchMessageException;

        /** RSET: no message is marked deleted any more. */
        void unmarkAll();

        /** Removes the messages marked deleted and releases the mailbox. */
        DeletionReport commitDeletions();

        boolean isOpen();

        /** Releases the mailbox without deleting anything. */
        @Override
        void close();
    }
}
