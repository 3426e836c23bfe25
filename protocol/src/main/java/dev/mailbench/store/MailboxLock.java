package dev.mailbench.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exclusive lock a POP3 session holds on a mailbox: a lock on the mailbox's lock file, which keeps
 * out other processes, guarded by a registry shared by the whole JVM, which keeps out other sessions of
 * this process.
 *
 * <p>The registry is not only a shortcut. File locks belong to the process, and closing <em>any</em>
 * channel to a locked file may drop the process's lock ({@link FileLock}: "On some systems, closing a
 * channel releases all locks held by the Java virtual machine on the underlying file"). Checking the
 * registry first means a second session in this JVM never opens, and so never closes, a channel to a
 * lock file that is held.
 */
final class MailboxLock {

    private static final Logger LOG = LoggerFactory.getLogger(MailboxLock.class);

    private static final Map<Path, MailboxLock> HELD = new ConcurrentHashMap<>();

    private final Path lockFile;
    private FileChannel channel;
    private FileLock lock;

    private MailboxLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    /**
     * Takes the lock on {@code maildir}, which must exist.
     *
     * @throws MailboxInUseException if another session, here or in another process, holds it
     */
    static MailboxLock acquire(Maildir maildir) throws MailboxInUseException, IOException {
        Path key = maildir.directory().toRealPath().resolve(Maildir.LOCK_FILE_NAME);
        MailboxLock candidate = new MailboxLock(key);
        if (HELD.putIfAbsent(key, candidate) != null) {
            throw new MailboxInUseException(maildir.user());
        }
        try {
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new MailboxInUseException(maildir.user());
            }
            candidate.channel = channel;
            candidate.lock = lock;
            return candidate;
        } catch (MailboxInUseException | IOException | RuntimeException e) {
            HELD.remove(key, candidate);
            throw e;
        }
    }

    /** Releases the lock; does nothing the second time. The lock file stays, as other lockers use it. */
    synchronized void release() {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it as well
            LOG.warn("Cannot release the lock on {}; closing its file instead", lockFile, e);
        }
        try {
            channel.close();
        } catch (IOException e) {
            // the process lock is gone with the descriptor either way
            LOG.warn("Cannot close the lock file {}", lockFile, e);
        }
        channel = null;
        lock = null;
        HELD.remove(lockFile, this);
    }
}
