package dev.mailbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * One message in one user's Maildir.
 *
 * @param user        the canonical user name whose mailbox holds the message
 * @param uid         the POP3 unique-id (RFC 1939 §7): derived from the file's unique name, so the same
 *                    across restarts and moves from {@code new/} to {@code cur/}
 * @param sizeOctets  the exact size in octets, CRLF line endings included: the RFC 1939 §5 LIST size
 * @param deliveredAt when delivery began, as the unique name records it (the file's modification time
 *                    for a file some other program named)
 * @param file        the message file
 */
public record StoredMessage(String user, String uid, long sizeOctets, Instant deliveredAt, Path file) {

    public StoredMessage {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(deliveredAt, "deliveredAt");
        Objects.requireNonNull(file, "file");
        if (sizeOctets < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }

    /**
     * Opens the message's exact stored octets. Needs no mailbox lock; fails with
     * {@link java.nio.file.NoSuchFileException} if the message has been deleted since it was listed.
     */
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }
}
