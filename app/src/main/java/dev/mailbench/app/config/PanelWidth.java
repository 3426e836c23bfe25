package dev.mailbench.app.config;

import java.io.IOException;
import java.nio.file.Path;
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

    private final ConfigTextFile file;

    public PanelWidth(Path configDirectory) {
        this.file = new ConfigTextFile(configDirectory, FILE_NAME);
    }

    /** The remembered width; none when none was saved or the file does not hold a sensible one. */
    public OptionalDouble load() throws IOException {
        for (String line : file.entries()) {
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
        file.write("the practice-server panel's width in pixels", List.of(Long.toString(Math.round(width))));
    }
}
