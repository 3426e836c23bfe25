package dev.mailbench.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailbench.server.ServerLimits;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.Comparator;

/**
 * Practice-server ingest: messages per second accepted with a durable 250 (the message fsynced in the
 * Maildir), over loopback, for 4 KB and 1 MB messages with 1 and 10 concurrent sessions, side by side with
 * GreenMail's SMTP server (which keeps mail in memory) in the same run, and with Postfix's smtp-source
 * against both where it is installed.
 */
public final class IngestBenchmark {
    private record Case(int messageBytes, int sessions, int messages) {
    }

    private static final List<Case> CASES = List.of(
            new Case(4 * 1024, 1, 1_000),
            new Case(4 * 1024, 10, 4_000),
            new Case(1024 * 1024, 1, 40),
            new Case(1024 * 1024, 10, 200));

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("mailbench-bench");
        ServerConfig config = DataDirectory.at(data).loadOrCreateConfig()
                .withPorts(0, 0)
                .withLimits(ServerLimits.DEFAULTS.withMaxConnections(200));
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        try (PracticeServer mailbench = PracticeServer.start(config)) {
            System.out.printf(Locale.ROOT, "%nPractice-server ingest on %d cores, %s, Java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "%-10s %-9s %-9s %16s %16s%n", "message", "sessions", "messages",
                    "Mailbench msg/s", "GreenMail msg/s");
            for (Case c : CASES) {
                // A short warm-up per server and size, so the figures are not the JIT's first impression.
                new SmtpLoad("127.0.0.1", mailbench.smtpPort(), c.messageBytes(), "alice@example.test").run(2, 20);
                new SmtpLoad("127.0.0.1", greenMail.getSmtp().getPort(), c.messageBytes(), "alice@example.test").run(2, 20);
                SmtpLoad.Result ours = new SmtpLoad("127.0.0.1", mailbench.smtpPort(), c.messageBytes(), "alice@example.test")
                        .run(c.sessions(), c.messages());
                SmtpLoad.Result theirs = new SmtpLoad("127.0.0.1", greenMail.getSmtp().getPort(), c.messageBytes(),
                        "alice@example.test").run(c.sessions(), c.messages());
                greenMail.purgeEmailFromAllMailboxes();
                System.out.printf(Locale.ROOT, "%-10s %-9d %-9d %16.0f %16.0f%s%n", size(c.messageBytes()), c.sessions(),
                        c.messages(), ours.messagesPerSecond(), theirs.messagesPerSecond(),
                        ours.failed() + theirs.failed() > 0 ? "  (failed: " + ours.failed() + " / " + theirs.failed() + ")" : "");
            }
            smtpSource(mailbench.smtpPort(), greenMail.getSmtp().getPort());
        } finally {
            greenMail.stop();
            deleteTree(data);
        }
    }

    /** Postfix's load generator against both servers, when it is installed (Debian: postfix). */
    private static void smtpSource(int mailbenchPort, int greenMailPort) throws IOException, InterruptedException {
        Path tool = Path.of("/usr/sbin/smtp-source");
        if (!Files.isExecutable(tool)) {
            System.out.println("smtp-source: not installed (apt-get install postfix), skipped");
            return;
        }
        for (var target : List.of(new Object[] {"Mailbench", mailbenchPort}, new Object[] {"GreenMail", greenMailPort})) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(tool.toString(), "-s", "10", "-m", "4000", "-l", "4096",
                    "-f", "load@example.test", "-t", "alice@example.test", "127.0.0.1:" + target[1])
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "smtp-source -s 10 -m 4000 -l 4096 against %s: %.0f msg/s%s%n", target[0],
                    4000 / seconds, done && p.exitValue() == 0 ? "" : " (failed: " + output.trim() + ")");
        }
    }

    private static String size(int bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
