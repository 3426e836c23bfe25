package dev.mailbench.app.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Mailbench keeps the user's settings: {@code $XDG_CONFIG_HOME/mailbench} on Linux (the XDG Base
 * Directory Specification, falling back to {@code ~/.config}), the platform's usual place elsewhere. The
 * system property {@value #OVERRIDE} names another directory, for tests and portable installs.
 */
public final class ConfigDirectory {

    /** System property that overrides the directory. */
    public static final String OVERRIDE = "mailbench.config.dir";

    private ConfigDirectory() {
    }

    /** The directory for this user and platform; it may not exist yet. */
    public static Path resolve() {
        return resolve(System.getProperties().getProperty(OVERRIDE), System.getenv(),
                System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static Path resolve(String override, Map<String, String> environment, String osName, Path home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            return (appData == null || appData.isBlank() ? home.resolve("AppData").resolve("Roaming") : Path.of(appData))
                    .resolve("Mailbench");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Mailbench");
        }
        return XdgBase.directory(environment, "XDG_CONFIG_HOME", home, ".config").resolve("mailbench");
    }
}
