package dev.mailbench.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One user's Maildir: {@code <root>/<user>/{tmp,new,cur}}, plus the POP3 lock file beside them. */
final class Maildir {

    /** Kept outside tmp/new/cur, where Maildir readers never look. */
    static final String LOCK_FILE_NAME = "mailbench-pop3.lock";

    /** Delivery order: the time in the unique name, then this process's delivery count, then the name. */
    private static final Comparator<Listed> DELIVERY_ORDER = Comparator
            .comparing((Listed l) -> l.message().deliveredAt())
            .thenComparingLong(l -> l.name().deliveryCount())
            .thenComparing(l -> l.name().unique());

    private final Path root;
    private final String user;
    private final Path directory;
    private final DiskSync sync;

    Maildir(Path root, String canonicalUser, DiskSync sync) {
        this.root = root;
        this.user = canonicalUser;
        this.directory = root.resolve(canonicalUser);
        this.sync = sync;
    }

    String user() {
        return user;
    }

    Path directory() {
        return directory;
    }

    Path tmp() {
        return directory.resolve("tmp");
    }

    Path newDir() {
        return directory.resolve("new");
    }

    Path cur() {
        return directory.resolve("cur");
    }

    boolean exists() {
        return Files.isDirectory(tmp()) && Files.isDirectory(newDir()) && Files.isDirectory(cur());
    }

    /**
     * Creates the Maildir if it is missing, and forces the new directory entries to disk: a message
     * made durable in {@code new/} is worth nothing if {@code new/} itself vanishes in a crash.
     */
    void create() throws IOException {
        if (exists()) {
            return;
        }
        Files.createDirectories(tmp());
        Files.createDirectories(newDir());
        Files.createDirectories(cur());
        sync.forceDirectory(directory);
        sync.forceDirectory(root);
    }

    /** The messages in {@code new/} and {@code cur/}, in delivery order; none if the Maildir is missing. */
    List<StoredMessage> messages() throws IOException {
        List<Listed> listed = new ArrayList<>();
        list(newDir(), listed);
        list(cur(), listed);
        listed.sort(DELIVERY_ORDER);
        List<StoredMessage> messages = new ArrayList<>(listed.size());
        for (Listed l : listed) {
            messages.add(l.message());
        }
        return messages;
    }

    private void list(Path dir, List<Listed> into) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Optional<MaildirFileName> name = MaildirFileName.parse(file.getFileName().toString());
                if (name.isEmpty()) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException deletedMeanwhile) {
                    continue;
                }
                if (!attributes.isRegularFile()) {
                    continue;
                }
                MaildirFileName n = name.get();
                Instant deliveredAt = n.time().orElseGet(() -> attributes.lastModifiedTime().toInstant());
                into.add(new Listed(n, new StoredMessage(user, n.uid(), attributes.size(), deliveredAt, file)));
            }
        } catch (NoSuchFileException missing) {
            // no such directory yet: no messages
        }
    }

    /**
     * Maildir spec: a file in {@code tmp/} that has not been accessed for 36 hours is a delivery that
     * never finished, and may be removed. Younger files may belong to a delivery still under way.
     */
    int removeStaleTemporaryFiles(Instant cutoff) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp())) {
            for (Path file : files) {
                try {
                    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                    if (!a.isRegularFile()) {
                        continue;
                    }
                    Instant lastUse = max(a.lastModifiedTime().toInstant(), a.lastAccessTime().toInstant());
                    if (lastUse.isBefore(cutoff) && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (NoSuchFileException goneMeanwhile) {
                    // another cleaner or the delivery itself removed it
                }
            }
        } catch (NoSuchFileException missing) {
            return 0;
        }
        return removed;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Listed(MaildirFileName name, StoredMessage message) {
    }
}
