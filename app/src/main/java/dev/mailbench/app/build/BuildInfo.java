package dev.mailbench.app.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/** What this build is and what it runs on, as shown in Help ▸ About and by {@code --version}. */
public final class BuildInfo {

    private static final String RESOURCE = "version.properties";

    private BuildInfo() {
    }

    /**
     * The Mailbench version, from {@code version.properties}, which Maven fills in from the
     * project version at build time.
     *
     * @throws IllegalStateException if the resource is missing or was copied without filtering
     */
    public static String mailbenchVersion() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String version = properties.getProperty("version", "").strip();
        if (version.isEmpty() || version.startsWith("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by the build: '" + version + "'");
        }
        return version;
    }

    /** The running Java, e.g. {@code 17.0.15 (Debian)}. */
    public static String javaVersion() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    /**
     * The running JavaFX, e.g. {@code 21.0.12}; empty until the JavaFX toolkit has started,
     * because the toolkit is what publishes the {@code javafx.runtime.version} property.
     */
    public static Optional<String> javafxVersion() {
        return Optional.ofNullable(System.getProperty("javafx.runtime.version"));
    }
}
