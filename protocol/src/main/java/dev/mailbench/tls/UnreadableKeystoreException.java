package dev.mailbench.tls;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The practice server's keystore file exists but cannot be used: it is damaged, was written by something
 * else, or the password does not open it. The message names the file, so a user knows what to delete or
 * restore; the file is never overwritten silently, because it may hold a certificate users already trust.
 */
public final class UnreadableKeystoreException extends IOException {

    private final transient Path file;

    UnreadableKeystoreException(Path file, String reason, Throwable cause) {
        super("Cannot use the TLS keystore " + file.toAbsolutePath() + ": " + reason
                + ". Restore the file, or delete it to generate a new self-signed certificate.", cause);
        this.file = file;
    }

    /** The keystore file that could not be used. */
    public Path file() {
        return file;
    }
}
