package dev.mailbench.app.practice;

import java.io.IOException;

import dev.mailbench.server.practice.ClassRoster;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.ServerConfig;

/**
 * Where the window's practice server takes its configuration from. Read off the UI thread each time the
 * server starts, so that edits to {@code server.properties} take effect on the next start.
 */
@FunctionalInterface
public interface PracticeServerSource {

    ServerConfig load() throws IOException;

    /**
     * The user's data directory ({@code $XDG_DATA_HOME/mailbench}), created with defaults on first start; with the
     * class made there by {@code mailbench serve --class}, if any (the window then shows the Class panel).
     */
    static PracticeServerSource userDataDirectory() {
        return () -> {
            DataDirectory data = DataDirectory.defaultLocation();
            return ClassRoster.load(data).applyTo(data.loadOrCreateConfig());
        };
    }
}
