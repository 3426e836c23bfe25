package dev.mailbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The practice server's mail store: a root directory holding one Maildir per user,
 * {@code <root>/<user>/{tmp,new,cur}}, each created when first needed.
 *
 * <p>The store keeps no state of its own beyond the files, so any number of threads may deliver, list
 * and read at once, and a restart finds everything as it was. See {@link Delivery} for how a message
 * is made durable and {@link MailboxSession} for POP3 access.
 */
public final class MailStore {

    /** Maildir spec: a file in tmp/ untouched for 36 hours is an abandoned delivery. */
    public static final Duration STALE_TEMPORARY_FILE_AGE = Duration.ofHours(36);

    private static final int NAME_ATTEMPTS = 10;

    private final Path root;
    private final Clock clock;
    private final UniqueNameGenerator names;
    private final FileLinker linker;
    private final DiskSync sync;

    private MailStore(Path root, Clock clock, FileLinker linker, DiskSync sync) {
        this.root = root;
        this.clock = clock;
        this.names = new UniqueNameGenerator(clock);
        this.linker = linker;
        this.sync = sync;
    }

    /**
     * Opens (creating if needed) the store under {@code root}, and removes abandoned deliveries older than
     * {@link #STALE_TEMPORARY_FILE_AGE} from every {@code tmp/}.
     */
    public static MailStore open(Path root) throws IOException {
        return open(root, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps unique names and judges stale files. */
    public static MailStore open(Path root, Clock clock) throws IOException {
        return open(root, clock, FileLinker.HARD_LINK, DiskSync.SYSTEM);
    }

    static MailStore open(Path root, Clock clock, FileLinker linker, DiskSync sync) throws IOException {
        Objects.requireNonNull(root, "root");
        Path absolute = root.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        MailStore store = new MailStore(absolute, Objects.requireNonNull(clock, "clock"), linker, sync);
        store.removeStaleTemporaryFiles();
        return store;
    }

    public Path root() {
        return root;
    }

    /**
     * Starts delivering one message to {@code users} (duplicates delivered once). Write the message to
     * {@link Delivery#body()}, then {@link Delivery#commit()}; until then nothing is visible.
     *
     * @throws InvalidUserNameException if a name could not name a mailbox; nothing is created then
     * @throws IllegalArgumentException if {@code users} is empty
     */
    public Delivery beginDelivery(List<String> users) throws IOException {
        List<Maildir> maildirs = maildirsFor(users);
        for (Maildir m : maildirs) {
            m.create();
        }
        Path tmp = maildirs.get(0).tmp();
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            String uniqueName = names.next();
            Path spool = tmp.resolve(uniqueName);
            try {
                FileChannel channel = FileChannel.open(spool, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new Delivery(maildirs, uniqueName, spool, channel, linker, sync);
            } catch (FileAlreadyExistsException taken) {
                // Maildir spec: never reuse a name; the next one has a higher delivery count.
            }
        }
        throw new IOException("no unused unique name in " + tmp + " after " + NAME_ATTEMPTS + " attempts");
    }

    /** Delivers the whole of {@code content} to {@code users}: a convenience over {@link #beginDelivery}. */
    public List<StoredMessage> deliver(List<String> users, InputStream content) throws IOException {
        try (Delivery delivery = beginDelivery(users)) {
            content.transferTo(delivery.body());
            return delivery.commit();
        }
    }

    /** The users that have a mailbox, sorted by name. */
    public List<String> users() throws IOException {
        List<String> users = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (UserNames.isValid(name) && name.equals(UserNames.canonical(name))
                        && maildir(name).exists()) {
                    users.add(name);
                }
            }
        }
        users.sort(null);
        return users;
    }

    /**
     * The messages of {@code user} in {@code new/} and {@code cur/}, in delivery order; empty if the user
     * has no mailbox yet. Needs no lock: a POP3 session may hold the mailbox meanwhile.
     */
    public List<StoredMessage> listMessages(String user) throws IOException {
        return maildir(UserNames.canonical(user)).messages();
    }

    /** Count and total size of {@code user}'s messages. */
    public MailboxSummary summary(String user) throws IOException {
        List<StoredMessage> messages = listMessages(user);
        long octets = 0;
        for (StoredMessage m : messages) {
            octets += m.sizeOctets();
        }
        return new MailboxSummary(messages.size(), octets);
    }

    /**
     * Opens {@code user}'s mailbox for a POP3 session: takes the exclusive lock, then the snapshot. The
     * mailbox is created if it does not exist yet.
     *
     * @throws MailboxInUseException if another session, in this process or another, holds the mailbox
     */
    public MailboxSession openForPop3(String user) throws MailboxInUseException, IOException {
        Maildir maildir = maildir(UserNames.canonical(user));
        maildir.create();
        MailboxLock lock = MailboxLock.acquire(maildir);
        try {
            return new MailboxSession(maildir.user(), maildir.messages(), lock, sync);
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /**
     * Removes from every user's {@code tmp/} the files untouched for {@link #STALE_TEMPORARY_FILE_AGE}:
     * deliveries that a crash or a dropped connection left unfinished. Younger files are left alone, as
     * a delivery may still be writing them. Done by {@link #open}; a long-running server may call it
     * again now and then.
     *
     * @return the number of files removed
     */
    public int removeStaleTemporaryFiles() throws IOException {
        int removed = 0;
        Instant cutoff = clock.instant().minus(STALE_TEMPORARY_FILE_AGE);
        for (String user : users()) {
            removed += maildir(user).removeStaleTemporaryFiles(cutoff);
        }
        return removed;
    }

    private Maildir maildir(String canonicalUser) {
        return new Maildir(root, canonicalUser, sync);
    }

    private List<Maildir> maildirsFor(List<String> users) {
        Objects.requireNonNull(users, "users");
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a delivery needs at least one user");
        }
        Map<String, Maildir> distinct = new LinkedHashMap<>();
        for (String user : users) {
            String canonical = UserNames.canonical(user);
            distinct.putIfAbsent(canonical, maildir(canonical));
        }
        return new ArrayList<>(distinct.values());
    }
}
