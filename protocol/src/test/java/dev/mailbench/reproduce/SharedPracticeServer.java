package dev.mailbench.reproduce;

import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One practice server (port 0, a temporary data directory) for the scripted-run and export tests of a test JVM:
 * starting one costs a certificate and two password hashes, so the classes share it. Tests that read mailboxes
 * compare against what their own sessions did, never against a count.
 */
final class SharedPracticeServer {

    private static PracticeServer server;

    private SharedPracticeServer() {
    }

    static synchronized PracticeServer get() {
        if (server == null) {
            try {
                Path data = Files.createTempDirectory("mailbench-scripts-");
                server = PracticeServer.start(DataDirectory.at(data).loadOrCreateConfig().withPorts(0, 0));
                PracticeServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }
}
