package dev.mailbench.store;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message on its way into one or more mailboxes, written as a stream so that a large message is
 * never held in memory.
 *
 * <pre>{@code
 * try (Delivery delivery = store.beginDelivery(List.of("alice", "bob"))) {
 *     messageOctets.transferTo(delivery.body());   // the octets after DATA, un-dot-stuffed
 *     List<StoredMessage> stored = delivery.commit(); // durable now: send 250
 * }                                                  // not committed: nothing becomes visible
 * }</pre>
 *
 * <p>The body goes to one spool file in the first recipient's {@code tmp/}. {@link #commit()} forces it
 * to disk, gives every other recipient a hard link to it in their {@code new/} (or a forced copy where
 * links fail), renames the spool into the first recipient's {@code new/}, and forces each {@code new/}
 * directory. Only then does it return, so a {@code 250} sent after it can never be followed by a loss
 * (RFC 5321 §6.1: once the server accepts responsibility for a message it must not lose it).
 *
 * <p>Each delivery forces its own file and directories without any lock shared with other deliveries,
 * so concurrent deliveries proceed in parallel (the file system batches their journal commits itself).
 *
 * <p>A delivery is used by one thread; {@link #abort()} may come from another (a dropped connection).
 */
public final class Delivery implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    /** Enough for most messages in one write; a larger one is written in pieces of this size. */
    private static final int BUFFER_SIZE = 16 * 1024;

    private enum State { OPEN, COMMITTED, ABORTED }

    private final List<Maildir> recipients;
    private final String uniqueName;
    private final Path spool;
    private final FileChannel channel;
    private final FileLinker linker;
    private final DiskSync sync;
    private final BodyStream body;
    private volatile State state = State.OPEN;

    Delivery(List<Maildir> recipients, String uniqueName, Path spool, FileChannel channel, FileLinker linker,
            DiskSync sync) {
        this.recipients = List.copyOf(recipients);
        this.uniqueName = uniqueName;
        this.spool = spool;
        this.channel = channel;
        this.linker = linker;
        this.sync = sync;
        this.body = new BodyStream();
    }

    /** The canonical user names the message is for, without duplicates, in the order given. */
    public List<String> users() {
        List<String> users = new ArrayList<>(recipients.size());
        for (Maildir m : recipients) {
            users.add(m.user());
        }
        return users;
    }

    /** The Maildir unique name the message will have in every recipient's {@code new/}. */
    public String uniqueName() {
        return uniqueName;
    }

    /**
     * Where the message's octets go, exactly as they should be stored (CRLF line endings, no
     * dot-stuffing). Closing it is allowed and does not commit.
     */
    public OutputStream body() {
        return body;
    }

    /** Octets written to {@link #body()} so far. */
    public long size() {
        return body.count;
    }

    /** Whether {@link #commit()} has succeeded. */
    public boolean isCommitted() {
        return state == State.COMMITTED;
    }

    /**
     * Makes the message durable and visible in every recipient's {@code new/}, and returns it as stored
     * for each recipient, in recipient order.
     *
     * <p>If this fails, the delivery is aborted: whatever had become visible is removed again (best
     * effort), so that the client's retry after a {@code 4xx} does not deliver twice.
     *
     * @throws IllegalStateException if already committed or aborted
     */
    public synchronized List<StoredMessage> commit() throws IOException {
        if (state != State.OPEN) {
            throw new IllegalStateException("delivery already " + state.name().toLowerCase(Locale.ROOT));
        }
        MaildirFileName name = MaildirFileName.parse(uniqueName).orElseThrow();
        Instant deliveredAt = name.time().orElseThrow();
        List<Path> visible = new ArrayList<>();
        List<Path> copies = new ArrayList<>();
        try {
            body.finish();
            sync.forceFile(channel);
            channel.close();
            long size = body.count;
            List<StoredMessage> stored = new ArrayList<>(recipients.size());
            // The others first, while the spool is still in tmp/: the rename of the spool is the last step.
            for (Maildir other : recipients.subList(1, recipients.size())) {
                Path target = other.newDir().resolve(uniqueName);
                linkOrCopy(other, target, copies);
                visible.add(target);
            }
            Path firstTarget = recipients.get(0).newDir().resolve(uniqueName);
            Files.move(spool, firstTarget, StandardCopyOption.ATOMIC_MOVE);
            visible.add(firstTarget);
            for (Maildir m : recipients) {
                sync.forceDirectory(m.newDir());
            }
            for (Maildir m : recipients) {
                stored.add(new StoredMessage(m.user(), name.uid(), size, deliveredAt,
                        m.newDir().resolve(uniqueName)));
            }
            state = State.COMMITTED;
            return stored;
        } catch (IOException | RuntimeException e) {
            state = State.ABORTED;
            closeQuietly();
            for (Path p : visible) {
                deleteQuietly(p, e);
            }
            for (Path p : copies) {
                deleteQuietly(p, e);
            }
            deleteQuietly(spool, e);
            throw e;
        }
    }

    private void linkOrCopy(Maildir other, Path target, List<Path> copies) throws IOException {
        try {
            linker.link(target, spool);
            return;
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | IOException linkFailed) {
            // No hard links here (another device, a file system without them): fall through to a copy.
            LOG.debug("Cannot hard-link {} to {}; copying instead", spool, target, linkFailed);
        }
        Path copy = other.tmp().resolve(uniqueName);
        copies.add(copy);
        try (FileChannel in = FileChannel.open(spool, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long position = 0;
            long size = in.size();
            while (position < size) {
                position += in.transferTo(position, size - position, out);
            }
            sync.forceFile(out);
        }
        Files.move(copy, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Discards the message: closes and removes the spool file. Nothing of it was ever visible. Does
     * nothing once committed or aborted.
     */
    public synchronized void abort() {
        if (state != State.OPEN) {
            return;
        }
        state = State.ABORTED;
        closeQuietly();
        deleteQuietly(spool, null);
    }

    /** Aborts the delivery unless it was committed, so try-with-resources never leaves a spool behind. */
    @Override
    public void close() {
        abort();
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // the spool is removed next; a failed close changes nothing visible
            LOG.warn("Cannot close the spool file of an aborted delivery", e);
        }
    }

    private static void deleteQuietly(Path p, Exception cause) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            if (cause != null) {
                cause.addSuppressed(e);
            } else {
                // left in tmp/, removed by the 36-hour clean-up when the store next opens
                LOG.warn("Cannot remove {}; the clean-up of tmp/ removes it later", p, e);
            }
        }
    }

    /** Counts octets and refuses writes once the delivery is over. */
    private final class BodyStream extends OutputStream {

        private final OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
        private long count;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            ensureWritable();
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureWritable();
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            if (!closed && state == State.OPEN) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed && state == State.OPEN) {
                out.flush();
            }
            closed = true;
        }

        void finish() throws IOException {
            if (!closed) {
                out.flush();
                closed = true;
            }
        }

        private void ensureWritable() throws IOException {
            if (state != State.OPEN) {
                throw new IOException("delivery already " + state.name().toLowerCase(Locale.ROOT));
            }
            if (closed) {
                throw new IOException("body stream closed");
            }
        }
    }
}
