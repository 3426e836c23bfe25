package dev.mailbench.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The authserv-ids whose Authentication-Results the user trusts (RFC 8601 §5: their own receiving servers), in
 * {@code trusted-authserv-ids} in the config directory, one a line. The methods do disk work: call them off the
 * UI thread.
 */
public final class TrustedAuthservIds {

    static final String FILE_NAME = "trusted-authserv-ids";

    private final Path file;

    public TrustedAuthservIds(Path configDirectory) {
        this.file = configDirectory.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** The ids, in the order saved; none when nothing was saved. */
    public List<String> load() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String line : lines) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    public void save(List<String> ids) throws IOException {
        Files.createDirectories(file.getParent());
        // written beside and renamed over the old file, so a crash never leaves half a list
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME + ".", ".tmp");
        try {
            List<String> lines = new ArrayList<>();
            lines.add("# Mailbench: authserv-ids whose Authentication-Results you trust, one a line (RFC 8601 §5)");
            lines.addAll(ids);
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
