package dev.mailbench.app.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Mailbench keeps what it writes for itself and the user may delete, such as its log:
 * {@code $XDG_STATE_HOME/mailbench} on Linux (the XDG Base Directory Specification, falling back to
 * {@code ~/.local/state}), the platform's usual place elsewhere. The system property {@value #OVERRIDE}
 * names another directory, for tests and portable installs.
 */
public final class StateDirectory {

    /** System property that overrides the directory. */
    public static final String OVERRIDE = "mailbench.state.dir";

    private StateDirectory() {
    }

    /** The directory for this user and platform; it may not exist yet. */
    public static Path resolve() {
        return resolve(System.getProperty(OVERRIDE), System.getenv(),
                System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static Path resolve(String override, Map<String, String> environment, String osName, Path home) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            // not roaming: a log belongs to the machine it was written on
            String localAppData = environment.get("LOCALAPPDATA");
            return (localAppData == null || localAppData.isBlank()
                    ? home.resolve("AppData").resolve("Local") : Path.of(localAppData)).resolve("Mailbench");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Logs").resolve("Mailbench");
        }
        return XdgBase.directory(environment, "XDG_STATE_HOME", home, ".local", "state").resolve("mailbench");
    }
}
