package dev.mailbench.bench;

import dev.mailbench.app.cli.ClassCommand;
import dev.mailbench.app.practice.ClassTracker;
import dev.mailbench.lesson.ClassProgress;
import dev.mailbench.lesson.StoreMailboxes;
import dev.mailbench.server.practice.ClassRoster;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.ServerConfig;
import dev.mailbench.wire.Direction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A classroom on one practice server: N students (100), each typing an interactive session by hand
 * with think time (about one command a second: the lesson first-smtp over SMTP, then reading it over POP3, again
 * and again), while the teacher's view follows them ({@link ClassTracker}, as the window's Class panel and the
 * serve console do) and the teacher asks for {@code status} every few seconds.
 *
 * <p>Reports the students' reply latency (command sent to last reply line read: p50, p99, max) and the view's
 * freshness: for each step of first-smtp, the time from the reply that completes it (as the student's client
 * read it) to the first evaluation of the class that shows it done.
 *
 * <pre>
 *   ./mvnw -q -pl benchmarks -am test-compile exec:java -Dexec.mainClass=dev.mailbench.bench.ClassroomBenchmark \
 *       -Dexec.args="100 60"     # students, seconds
 * </pre>
 */
public final class ClassroomBenchmark {

    private final List<Long> replyNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> freshnessNanos = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> statusNanos = Collections.synchronizedList(new ArrayList<>());
    /** Every reply the server sent, by when, until an evaluation that began after it has been shown. */
    private final Queue<Long> unseenReplies = new ConcurrentLinkedQueue<>();
    private final Map<Integer, List<Long>> perStep = new ConcurrentHashMap<>();
    private final List<Long> currentNanos = Collections.synchronizedList(new ArrayList<>());
    /** student → the client's time of the reply that completed step k of first-smtp (index k-1), first round. */
    private final Map<String, long[]> stepReplies = new ConcurrentHashMap<>();
    /** student → when the view first showed step k of first-smtp done (index k-1). */
    private final Map<String, long[]> seenDone = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        int students = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        new ClassroomBenchmark().run(students, seconds);
        System.exit(0);
    }

    void run(int students, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("mailbench-classroom");
        DataDirectory data = DataDirectory.at(dir);
        ClassRoster roster = ClassRoster.empty().withStudents(ClassRoster.numbered(students), new SecureRandom());
        roster.save(data);
        ServerConfig config = roster.applyTo(data.loadOrCreateConfig().withPorts(0, 0));
        config = config.withLimits(config.limits().withMaxConnections(2 * students + 10));
        try (PracticeServer server = PracticeServer.start(config)) {
            ClassProgress progress = ClassCommand.progress(server.classPolicy().students(), new StoreMailboxes(server.store()));
            server.addObserver((protocol, remote, transcript) -> transcript.addListener(event -> {
                if (event.direction() == Direction.SERVER) {
                    unseenReplies.add(System.nanoTime());
                }
            }));
            ClassTracker tracker = ClassTracker.follow(server, progress);
            tracker.addListener(cells -> {
                viewed(cells);
                long now = System.nanoTime();
                long began = tracker.evaluationStarted();
                for (Long reply = unseenReplies.peek(); reply != null && reply <= began; reply = unseenReplies.peek()) {
                    unseenReplies.poll();
                    currentNanos.add(now - reply);
                }
            });
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            CountDownLatch finished = new CountDownLatch(students);
            for (ClassRoster.Member student : roster.students()) {
                Thread thread = new Thread(() -> {
                    try {
                        student(server, student.account(), student.password(), end);
                    } catch (Exception e) {
                        System.err.println(student.account() + ": " + e);
                    } finally {
                        finished.countDown();
                    }
                }, "student-" + student.account());
                thread.setDaemon(true);
                thread.start();
            }
            while (System.nanoTime() < end) {
                TimeUnit.SECONDS.sleep(5);
                long start = System.nanoTime();
                tracker.current();   // the teacher types status
                statusNanos.add(System.nanoTime() - start);
            }
            finished.await(60, TimeUnit.SECONDS);
            tracker.close();
        }
        report(students, seconds);
    }

    /** One student: first-smtp by hand, then reading it back, round after round, with think time. */
    private void student(PracticeServer server, String name, String password, long end) throws Exception {
        TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1000));   // students do not start in step
        long[] steps = new long[5];
        stepReplies.put(name, steps);
        boolean first = true;
        while (System.nanoTime() < end) {
            try (Typist smtp = new Typist(server.smtpPort())) {
                smtp.reply();
                smtp.command("HELO laptop.example.test");
                mark(first, steps, 0);
                smtp.command("MAIL FROM:<" + name + "@example.test>");
                smtp.command("RCPT TO:<alice@example.test>");
                smtp.command("RCPT TO:<" + name + "@example.test>");
                mark(first, steps, 1);
                smtp.command("DATA");
                smtp.text("Subject: Hello from " + name + "\r\n\r\nTyped by hand.\r\n");
                smtp.command(".");
                mark(first, steps, 2);
                smtp.command("QUIT");
                mark(first, steps, 3);
            }
            try (Typist pop3 = new Typist(server.pop3Port())) {
                pop3.line();
                pop3.pop3("USER " + name);
                pop3.pop3("PASS " + password);
                pop3.pop3("STAT");
                pop3.pop3("RETR 1");
                pop3.untilDot();
                mark(first, steps, 4);
                pop3.pop3("QUIT");
            }
            first = false;
        }
    }

    private static void mark(boolean first, long[] steps, int step) {
        if (first) {
            steps[step] = System.nanoTime();
        }
    }

    /** The view evaluated the class again: when it first shows each step of first-smtp done. */
    private void viewed(List<ClassProgress.Cell> cells) {
        long now = System.nanoTime();
        for (ClassProgress.Cell cell : cells) {
            if (cell.lesson().equals("first-smtp")) {
                long[] seen = seenDone.computeIfAbsent(cell.student(), student -> new long[5]);
                for (int step = 0; step < cell.stepsDone() && step < seen.length; step++) {
                    if (seen[step] == 0) {
                        seen[step] = now;
                    }
                }
            }
        }
    }

    /** Reply that completed a step → the view showing it, for every step of every student's first round. */
    private void freshness() {
        stepReplies.forEach((student, replies) -> {
            long[] seen = seenDone.get(student);
            for (int step = 0; step < replies.length; step++) {
                if (replies[step] > 0 && seen != null && seen[step] > 0) {
                    // the view may evaluate before the student's client has read the reply: that is 0, not less
                    freshnessNanos.add(Math.max(0, seen[step] - replies[step]));
                    perStep.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(Math.max(0, seen[step] - replies[step]));
                }
            }
        });
    }

    private void report(int students, int seconds) {
        freshness();
        System.out.printf(Locale.ROOT, "Classroom: %d students, %d s, about one command a second each%n", students, seconds);
        System.out.printf(Locale.ROOT, "  replies: %d, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", replyNanos.size(),
                percentile(replyNanos, 50), percentile(replyNanos, 99), percentile(replyNanos, 100));
        System.out.printf(Locale.ROOT, "  view freshness (reply completing a step of first-smtp -> shown done): %d steps,"
                        + " p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", freshnessNanos.size(),
                percentile(freshnessNanos, 50), percentile(freshnessNanos, 99), percentile(freshnessNanos, 100));
        perStep.forEach((step, values) -> System.out.printf(Locale.ROOT, "    step %d: p50 %.0f ms, p99 %.0f ms%n",
                step + 1, percentile(values, 50), percentile(values, 99)));
        System.out.printf(Locale.ROOT, "  view current (any server reply -> an evaluation including it shown): %d replies,"
                        + " p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", currentNanos.size(),
                percentile(currentNanos, 50), percentile(currentNanos, 99), percentile(currentNanos, 100));
        System.out.printf(Locale.ROOT, "  teacher's status: %d times, p50 %.0f ms, max %.0f ms%n", statusNanos.size(),
                percentile(statusNanos, 50), percentile(statusNanos, 100));
    }

    private static double percentile(List<Long> values, int p) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    /** A student at a keyboard: a command, a pause to read the reply and think, the next command. */
    private final class Typist implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Typist(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
        }

        void think() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(500 + ThreadLocalRandom.current().nextLong(1000));
        }

        String command(String line) throws Exception {
            think();
            long start = System.nanoTime();
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String reply = reply();
            replyNanos.add(System.nanoTime() - start);
            return reply;
        }

        String pop3(String line) throws Exception {
            think();
            long start = System.nanoTime();
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String reply = line();
            replyNanos.add(System.nanoTime() - start);
            return reply;
        }

        void text(String text) throws Exception {
            think();
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        String reply() throws IOException {
            String line = line();
            while (line.length() > 3 && line.charAt(3) == '-') {
                line = line();
            }
            return line;
        }

        String line() throws IOException {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("the server closed the connection");
            }
            return line;
        }

        void untilDot() throws IOException {
            while (!line().equals(".")) {
                // the message
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
