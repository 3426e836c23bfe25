package dev.mailbench.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A POP3 session's hold on one mailbox: the exclusive lock (RFC 1939 §8: the server acquires "an
 * exclusive-access lock on the maildrop" on entering the TRANSACTION state) and a snapshot of the
 * messages at that moment, numbered from 1 in delivery order (the order in which deliveries began, as
 * their unique names record it). Messages delivered later are not in the
 * snapshot; numbers never change during the session (RFC 1939 §5).
 *
 * <p>Deletions are only marks until {@link #commitDeletions()}, the UPDATE state entered by {@code QUIT}
 * (RFC 1939 §6). {@link #close()} without it, as on a dropped connection, deletes nothing. Either one
 * releases the lock; the session cannot be used afterwards.
 */
public final class MailboxSession implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxSession.class);

    private final String user;
    private final List<StoredMessage> snapshot;
    private final boolean[] deleted;
    private final MailboxLock lock;
    private final DiskSync sync;
    private boolean open = true;

    MailboxSession(String user, List<StoredMessage> snapshot, MailboxLock lock, DiskSync sync) {
        this.user = user;
        this.snapshot = List.copyOf(snapshot);
        this.deleted = new boolean[snapshot.size()];
        this.lock = lock;
        this.sync = sync;
    }

    /** The canonical user name of the mailbox. */
    public String user() {
        return user;
    }

    /** Number of messages in the snapshot, deleted ones included: the highest valid message number. */
    public synchronized int messageCount() {
        requireOpen();
        return snapshot.size();
    }

    /** {@code STAT}: count and octets of the messages not marked deleted (RFC 1939 §5). */
    public synchronized MailboxSummary summary() {
        requireOpen();
        int count = 0;
        long octets = 0;
        for (int i = 0; i < snapshot.size(); i++) {
            if (!deleted[i]) {
                count++;
                octets += snapshot.get(i).sizeOctets();
            }
        }
        return new MailboxSummary(count, octets);
    }

    /** {@code LIST} / {@code UIDL} without an argument: every message not marked deleted, in order. */
    public synchronized List<MaildropMessage> messages() {
        requireOpen();
        List<MaildropMessage> listing = new ArrayList<>();
        for (int i = 0; i < snapshot.size(); i++) {
            if (!deleted[i]) {
                listing.add(toMaildropMessage(i));
            }
        }
        return listing;
    }

    /** {@code LIST n} / {@code UIDL n}: one message, which must exist and not be marked deleted. */
    public synchronized MaildropMessage message(int number) throws NoSuchMessageException {
        requireOpen();
        return toMaildropMessage(indexOf(number));
    }

    /** The stored message behind a message number, for callers that want its file or time. */
    public synchronized StoredMessage storedMessage(int number) throws NoSuchMessageException {
        requireOpen();
        return snapshot.get(indexOf(number));
    }

    /**
     * {@code RETR} / {@code TOP}: the message's exact stored octets, CRLF line endings included. The
     * caller dot-stuffs them on the way out (RFC 1939 §3).
     */
    public InputStream open(int number) throws NoSuchMessageException, IOException {
        Path file;
        synchronized (this) {
            requireOpen();
            file = snapshot.get(indexOf(number)).file();
        }
        return Files.newInputStream(file);
    }

    /** {@code DELE}: marks a message; nothing is removed before {@link #commitDeletions()}. */
    public synchronized void markDeleted(int number) throws NoSuchMessageException {
        requireOpen();
        deleted[indexOf(number)] = true;
    }

    /** Whether {@code number} is a message of this snapshot that is marked deleted. */
    public synchronized boolean isDeleted(int number) {
        requireOpen();
        return number >= 1 && number <= snapshot.size() && deleted[number - 1];
    }

    /** {@code RSET}: unmarks every message marked deleted (RFC 1939 §5). */
    public synchronized void unmarkAll() {
        requireOpen();
        Arrays.fill(deleted, false);
    }

    /**
     * The UPDATE state (RFC 1939 §6): removes every message marked deleted, then releases the lock.
     * A message another party already removed counts as removed. The lock is released even when a
     * removal fails.
     */
    public synchronized DeletionReport commitDeletions() {
        requireOpen();
        try {
            int removed = 0;
            List<String> notRemoved = new ArrayList<>();
            Set<Path> touchedDirectories = new LinkedHashSet<>();
            for (int i = 0; i < snapshot.size(); i++) {
                if (!deleted[i]) {
                    continue;
                }
                StoredMessage m = snapshot.get(i);
                try {
                    Files.deleteIfExists(m.file());
                    removed++;
                    touchedDirectories.add(m.file().getParent());
                } catch (IOException e) {
                    LOG.warn("Cannot remove message {} from the mailbox of {}", m.uid(), user, e);
                    notRemoved.add(m.uid());
                }
            }
            // Make the removals durable before +OK, so a crash cannot bring them back.
            for (Path dir : touchedDirectories) {
                try {
                    sync.forceDirectory(dir);
                } catch (IOException e) {
                    // The files are gone for every reader now; at worst a crash restores some.
                    LOG.warn("Cannot make the removals in {} durable", dir, e);
                }
            }
            return new DeletionReport(removed, notRemoved);
        } finally {
            release();
        }
    }

    /** Ends the session without removing anything, and releases the lock. Does nothing the second time. */
    @Override
    public synchronized void close() {
        if (open) {
            release();
        }
    }

    /** Whether the session still holds its mailbox. */
    public synchronized boolean isOpen() {
        return open;
    }

    private void release() {
        open = false;
        lock.release();
    }

    private int indexOf(int number) throws NoSuchMessageException {
        if (number < 1 || number > snapshot.size()) {
            throw new NoSuchMessageException(number, NoSuchMessageException.Reason.NO_SUCH_MESSAGE);
        }
        if (deleted[number - 1]) {
            throw new NoSuchMessageException(number, NoSuchMessageException.Reason.DELETED);
        }
        return number - 1;
    }

    private MaildropMessage toMaildropMessage(int index) {
        StoredMessage m = snapshot.get(index);
        return new MaildropMessage(index + 1, m.uid(), m.sizeOctets());
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("mailbox session of " + user + " is closed");
        }
    }
}
