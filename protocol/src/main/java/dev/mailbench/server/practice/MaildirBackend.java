package dev.mailbench.server.practice;

import dev.mailbench.server.MailBackend;
import dev.mailbench.store.DeletionReport;
import dev.mailbench.store.Delivery;
import dev.mailbench.store.MailStore;
import dev.mailbench.store.MailboxInUseException;
import dev.mailbench.store.MailboxSession;
import dev.mailbench.store.MailboxSummary;
import dev.mailbench.store.MaildropMessage;
import dev.mailbench.store.NoSuchMessageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

/**
 * The servers' {@link MailBackend} over the Maildir {@link MailStore}: SMTP's deliveries are the store's
 * {@link Delivery}s, POP3's maildrops its locked {@link MailboxSession}s. Only this adapter knows both
 * sides, so the servers never see the store's classes and the store never hears of a protocol.
 *
 * <pre>{@code
 * MailBackend backend = new MaildirBackend(MailStore.open(directory));
 * }</pre>
 */
public final class MaildirBackend implements MailBackend {
    private final MailStore store;

    public MaildirBackend(MailStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public MailBackend.MessageDelivery deliver(List<String> mailboxes) throws IOException {
        return new StoreDelivery(store.beginDelivery(mailboxes));
    }

    @Override
    public long mailboxOctets(String mailbox) throws IOException {
        return store.summary(mailbox).totalOctets();
    }

    @Override
    public Maildrop openMaildrop(String mailbox) throws MailboxInUseException, IOException {
        return new StoreMaildrop(store.openForPop3(mailbox));
    }

    private record StoreDelivery(Delivery delivery) implements MailBackend.MessageDelivery {
        @Override
        public List<String> mailboxes() {
            return delivery.users();
        }

        @Override
        public String uniqueName() {
            return delivery.uniqueName();
        }

        @Override
        public OutputStream body() {
            return delivery.body();
        }

        @Override
        public void commit() throws IOException {
            delivery.commit();
        }

        @Override
        public void abort() {
            delivery.abort();
        }

        @Override
        public void close() {
            delivery.close();
        }
    }

    private record StoreMaildrop(MailboxSession session) implements Maildrop {
        @Override
        public String mailbox() {
            return session.user();
        }

        @Override
        public MailboxSummary summary() {
            return session.summary();
        }

        @Override
        public List<MaildropMessage> messages() {
            return session.messages();
        }

        @Override
        public MaildropMessage message(int number) throws NoSuchMessageException {
            return session.message(number);
        }

        @Override
        public InputStream open(int number) throws NoSuchMessageException, IOException {
            return session.open(number);
        }

        @Override
        public void markDeleted(int number) throws NoSuchMessageException {
            session.markDeleted(number);
        }

        @Override
        public void unmarkAll() {
            session.unmarkAll();
        }

        @Override
        public DeletionReport commitDeletions() {
            return session.commitDeletions();
        }

        @Override
        public boolean isOpen() {
            return session.isOpen();
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
