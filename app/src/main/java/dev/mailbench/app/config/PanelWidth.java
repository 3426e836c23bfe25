package dev.mailbench.app.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How wide the user last made the practice-server panel, in {@code practice-panel-width} in the config
 * directory: one number, the width in pixels at the zoom of the day. The methods do disk work: call them
 * off the UI thread.
 */
public final class PanelWidth {

    static final String FILE_NAME = "practice-panel-width";
    /** Narrower than this is a slip of the divider, not a width to keep. */
    private static final double SMALLEST = 120;

    private final Path file;

    public PanelWidth(Path configDirectory) {
        this.file = configDirectory.resolve(FILE_NAME);
    }

    /** The remembered width; none when none was saved or the file does not hold a sensible one. */
    public OptionalDouble load() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return OptionalDouble.empty();
        }
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                double width = Double.parseDouble(line.trim());
                return width >= SMALLEST && Double.isFinite(width) ? OptionalDouble.of(width) : OptionalDouble.empty();
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    public void save(double width) throws IOException {
        Files.createDirectories(file.getParent());
        // written beside and renamed over the old file, so a crash never leaves half a number
        Path temporary = Files.createTempFile(file.getParent(), FILE_NAME + ".", ".tmp");
        try {
            Files.write(temporary, List.of("# Mailbench: the practice-server panel's width in pixels",
                    Long.toString(Math.round(width))), StandardCharsets.UTF_8);
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
