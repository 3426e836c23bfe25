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
 * A small text file in the config directory that a user may read and edit: UTF-8, one entry a line, lines that
 * begin with {@code #} are comments. Written whole and atomically. The methods do disk work: call them off the UI
 * thread.
 */
final class ConfigTextFile {

    private final Path file;

    ConfigTextFile(Path configDirectory, String fileName) {
        this.file = configDirectory.resolve(fileName);
    }

    Path file() {
        return file;
    }

    /** The lines that are neither blank nor comments, in order; none when the file does not exist. */
    List<String> entries() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#")) {
                entries.add(line);
            }
        }
        return entries;
    }

    /** Replaces the file with a comment line ({@code # Mailbench: } and {@code comment}), then the entries. */
    void write(String comment, List<String> entries) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Mailbench: " + comment);
        lines.addAll(entries);
        Files.createDirectories(file.getParent());
        // Written beside and renamed over the old file, so a crash never leaves half of it. The temporary
        // file's name is unique, so another writer (a second Mailbench) never writes into it or moves it away.
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
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
