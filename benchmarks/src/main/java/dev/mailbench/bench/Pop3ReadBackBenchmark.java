package dev.mailbench.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.ServerConfig;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Properties;

/**
 * POP3 read-back: how fast a client sees a big mailbox. A 10,000-message mailbox of 4 KB messages, and one of
 * twenty 1 MB messages, in the practice server and in GreenMail (in memory) in the same run: the time to log in
 * (which for the practice server includes hashing the password and taking the mailbox snapshot), STAT, LIST
 * and UIDL latencies (median and worst of repeated calls), and RETR throughput in MB/s, the messages read in
 * turn by one client (for at most {@link #RETR_BUDGET}: GreenMail's RETR slows down on a big mailbox).
 *
 * <p>The practice server's mailbox is filled by writing the Maildir files directly, as another delivery agent
 * would (no fsync: the ingest benchmark measures delivery); GreenMail's through its API.
 */
public final class Pop3ReadBackBenchmark {
    private static final int SMALL_COUNT = 10_000;
    private static final int SMALL_SIZE = 4 * 1024;
    private static final int LARGE_COUNT = 20;
    private static final int LARGE_SIZE = 1024 * 1024;
    /** RETR goes through the mailbox in order until done or this much time has passed (GreenMail slows down). */
    private static final Duration RETR_BUDGET = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private record Figures(double loginMs, double statMs, double statWorstMs, double listMs, double listWorstMs,
                           double uidlMs, double uidlWorstMs, double retrMBps, double retrMsgPerSec) {
    }

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("mailbench-pop3-bench");
        ServerConfig config = DataDirectory.at(data).loadOrCreateConfig().withPorts(0, 0);
        fillMaildir(config.dataDirectory().mailStore().resolve("alice"), SMALL_COUNT, SMALL_SIZE);
        fillMaildir(config.dataDirectory().mailStore().resolve("bob"), LARGE_COUNT, LARGE_SIZE);

        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort());
        greenMail.start();
        fillGreenMail(greenMail.setUser("alice@example.test", "alice", "alice-pass"), SMALL_COUNT, SMALL_SIZE);
        fillGreenMail(greenMail.setUser("bob@example.test", "bob", "bob-pass"), LARGE_COUNT, LARGE_SIZE);
        int greenMailPort = greenMail.getPop3().getPort();

        try (PracticeServer mailbench = PracticeServer.start(config)) {
            int mailbenchPort = mailbench.pop3Port();
            // Warm-up: one full pass each, so the figures are not the JIT's (or the page cache's) first impression.
            measure(mailbenchPort, "alice", "alice-pass", SMALL_COUNT, 3, WARM_UP);
            measure(greenMailPort, "alice", "alice-pass", SMALL_COUNT, 3, WARM_UP);

            System.out.printf(Locale.ROOT, "%nPOP3 read-back on %d cores, %s, Java %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("java.version"));
            System.out.printf(Locale.ROOT, "%-22s %-10s %9s %14s %14s %14s %10s %9s%n", "mailbox", "server", "login ms",
                    "STAT ms (max)", "LIST ms (max)", "UIDL ms (max)", "RETR MB/s", "RETR/s");
            print("10,000 × 4 KB", "Mailbench", measure(mailbenchPort, "alice", "alice-pass", SMALL_COUNT, 20, RETR_BUDGET));
            print("10,000 × 4 KB", "GreenMail", measure(greenMailPort, "alice", "alice-pass", SMALL_COUNT, 20, RETR_BUDGET));
            print("20 × 1 MB", "Mailbench", measure(mailbenchPort, "bob", "bob-pass", LARGE_COUNT, 20, RETR_BUDGET));
            print("20 × 1 MB", "GreenMail", measure(greenMailPort, "bob", "bob-pass", LARGE_COUNT, 20, RETR_BUDGET));
        } finally {
            greenMail.stop();
            deleteTree(data);
        }
    }

    private static void print(String mailbox, String server, Figures f) {
        System.out.printf(Locale.ROOT, "%-22s %-10s %9.1f %6.2f (%5.1f) %6.1f (%5.1f) %6.1f (%5.1f) %10.1f %9.0f%n",
                mailbox, server, f.loginMs(), f.statMs(), f.statWorstMs(), f.listMs(), f.listWorstMs(), f.uidlMs(),
                f.uidlWorstMs(), f.retrMBps(), f.retrMsgPerSec());
    }

    private static Figures measure(int port, String user, String password, int messages, int repeats,
                                   Duration retrBudget) throws IOException {
        try (Pop3Probe pop3 = new Pop3Probe("127.0.0.1", port)) {
            long start = System.nanoTime();
            pop3.login(user, password);
            double login = millis(System.nanoTime() - start);
            double[] stat = new double[repeats];
            double[] list = new double[repeats];
            double[] uidl = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long t = System.nanoTime();
                String status = pop3.command("STAT");
                stat[i] = millis(System.nanoTime() - t);
                if (!status.startsWith("+OK " + messages + " ")) {
                    throw new IOException("expected " + messages + " messages: " + status);
                }
                t = System.nanoTime();
                pop3.multiLine("LIST");
                list[i] = millis(System.nanoTime() - t);
                t = System.nanoTime();
                pop3.multiLine("UIDL");
                uidl[i] = millis(System.nanoTime() - t);
            }
            long octets = 0;
            int read = 0;
            start = System.nanoTime();
            long stop = start + retrBudget.toNanos();
            while (read < messages && System.nanoTime() < stop) {
                octets += pop3.multiLine("RETR " + (++read));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (read < messages) {
                System.out.printf(Locale.ROOT, "  (port %d: RETR stopped after %d of %d messages, %.0f s)%n", port, read,
                        messages, seconds);
            }
            return new Figures(login, median(stat), max(stat), median(list), max(list), median(uidl), max(uidl),
                    octets / seconds / (1024 * 1024), read / seconds);
        }
    }

    /** A message of {@code size} octets, CRLF line endings, no line starting with a dot. */
    private static byte[] message(int n, int size) {
        StringBuilder text = new StringBuilder("From: bench@example.test\r\nTo: alice@example.test\r\nSubject: message "
                + n + "\r\nMessage-ID: <" + n + "@bench.example.test>\r\n\r\n");
        String line = "The quick brown fox jumps over the lazy dog, again and again and again.\r\n";
        while (text.length() + line.length() <= size) {
            text.append(line);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes a Maildir's new/ directly: Maildir names (seconds.MmicrosPpidQcount.host) in delivery order. */
    private static void fillMaildir(Path maildir, int count, int size) throws IOException {
        for (String sub : new String[] {"tmp", "new", "cur"}) {
            Files.createDirectories(maildir.resolve(sub));
        }
        long seconds = 1_700_000_000L;
        for (int n = 0; n < count; n++) {
            String name = (seconds + n / 1000) + ".M" + (n % 1000) + "P1Q" + (n + 1) + ".bench";
            Files.write(maildir.resolve("new").resolve(name), message(n, size));
        }
    }

    private static void fillGreenMail(GreenMailUser user, int count, int size) throws MessagingException {
        Session session = Session.getInstance(new Properties());
        for (int n = 0; n < count; n++) {
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(message(n, size))));
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
