package dev.mailbench.app.config;

import java.nio.file.Path;
import java.util.Map;

/** The XDG Base Directory Specification's rule for one base directory, shared by the config and state directories. */
final class XdgBase {

    private XdgBase() {
    }

    /**
     * {@code $variable} if it is set to an absolute path (the specification: a relative one is invalid and
     * must be ignored), else {@code home} with the specification's default below it.
     */
    static Path directory(Map<String, String> environment, String variable, Path home, String... fallback) {
        String value = environment.get(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        Path base = home;
        for (String name : fallback) {
            base = base.resolve(name);
        }
        return base;
    }
}
