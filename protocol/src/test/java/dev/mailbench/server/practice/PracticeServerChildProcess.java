package dev.mailbench.server.practice;

import java.nio.file.Path;

/**
 * The whole practice server in a process of its own, for {@link PracticeServerCrashTest}: starts on the data
 * directory given, on free ports, prints {@code LISTENING <smtp port> <pop3 port>}, and serves until its
 * standard input closes, or until it is killed.
 */
public final class PracticeServerChildProcess {

    private PracticeServerChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        ServerConfig config = DataDirectory.at(Path.of(args[0])).loadOrCreateConfig().withPorts(0, 0);
        try (PracticeServer server = PracticeServer.start(config)) {
            System.out.println("LISTENING " + server.smtpPort() + " " + server.pop3Port());
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the parent closes our standard input
            }
        }
    }
}
