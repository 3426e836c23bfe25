package dev.mailbench.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.mailbench.app.task.FxTaskExecutor;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.ServerConfig;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.application.Platform;

/**
 * The transcript pane under a 20 MB RETR: a message of some 300,000 lines in the practice server's Maildir, read
 * over loopback by the POP3 client session into the transcript view model and pane of a shown window (JavaFX
 * headless, Monocle). Figures: the time from RETR until the last line is a row of the pane, the longest
 * the FX thread went without a pulse (and the latest a {@code runLater} probe posted every 10 ms ran) meanwhile,
 * and the heap: used after a full collection once everything is shown, beside the message's size, and the peak.
 *
 * <p>Goals: no stall over 100 ms; the heap the transcript holds under four times the message text.
 */
public final class TranscriptPaneBenchmark {

    private static final int BODY_LINES = 300_000;
    /** 68 characters and CRLF: 300,000 of them make 20 MiB. */
    private static final String LINE_TEXT = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do ";

    public static void main(String[] args) throws Exception {
        FxBench.startHeadlessToolkit();
        Path data = Files.createTempDirectory("mailbench-transcript-bench");
        ServerConfig config = DataDirectory.at(data).loadOrCreateConfig().withPorts(0, 0);
        long messageBytes = writeMessage(config.dataDirectory().mailStore().resolve("alice"));

        try (PracticeServer server = PracticeServer.start(config)) {
            // A small RETR first, so that class loading and the first layout are not measured. Then the 20 MB RETR
            // twice: the first is what a user's first large RETR meets (the JIT still compiling the reading and
            // drawing code on the same cores), the second what every later one meets.
            run(server.pop3Port(), 2, false);
            Figures first = run(server.pop3Port(), 1, true);
            Figures again = run(server.pop3Port(), 1, true);
            System.out.printf(Locale.ROOT, "%nTranscript pane, RETR of a %.1f MiB message (%,d lines), on %s%n",
                    FxBench.mb(messageBytes), first.lines(), FxBench.machine());
            System.out.printf(Locale.ROOT, "%-44s %12s %12s%n", "figure", "first RETR", "second RETR");
            row("RETR answered (all bytes received), s", "%.2f", first, again, f -> f.retrSeconds());
            row("RETR to every line shown, s", "%.2f", first, again, f -> f.shownSeconds());
            row("gap between pulses: median, ms", "%.0f", first, again, f -> f.stalls().medianPulseGapMs());
            row("gap between pulses: longest, ms", "%.0f", first, again, f -> f.stalls().longestPulseGapMs());
            row("pulse gaps over 100 ms", "%s", first, again,
                    f -> f.stalls().pulseGapsOver100Ms() + " of " + f.stalls().pulses());
            row("latest 10 ms runLater probe, ms", "%.0f", first, again, f -> f.stalls().longestProbeLatenessMs());
            row("one pulse's append, median ms", "%.0f", first, again, f -> f.stalls().medianWorkMs());
            row("longest pulse on the FX thread (to layout), ms", "%.0f", first, again,
                    f -> f.stalls().longestPulseWorkMs());
            row("pulses busy over 50 ms", "%d", first, again, f -> f.stalls().pulsesOver50MsWork());
            row("GC meanwhile: collections", "%d", first, again, f -> f.stalls().collections());
            row("GC meanwhile: pauses, ms", "%d", first, again, f -> f.stalls().collectionMillis());
            row("heap held after GC (above baseline), MB", "%.0f", first, again, f -> FxBench.mb(f.heldBytes()));
            row("  ÷ message size", "%.1f×", first, again, f -> (double) f.heldBytes() / messageBytes);
            row("heap used after GC (all), MB", "%.0f", first, again, f -> FxBench.mb(f.usedAfterGc()));
            row("peak heap (sum of pool peaks), MB", "%.0f", first, again, f -> FxBench.mb(f.peakBytes()));
            for (Figures f : List.of(first, again)) {
                System.out.printf(Locale.ROOT, "goals, %s RETR: no stall over 100 ms: %s; heap under 4× the text: %s%n",
                        f == first ? "first" : "second",
                        Math.max(f.stalls().longestPulseGapMs(), f.stalls().longestProbeLatenessMs()) <= 100
                                ? "met" : "MISSED",
                        f.heldBytes() < 4 * messageBytes ? "met" : "MISSED");
            }
        } finally {
            Pop3ReadBackBenchmark.deleteTree(data);
            Platform.exit();
        }
    }

    private static void row(String figure, String format, Figures first, Figures again, Function<Figures, Object> value) {
        System.out.printf(Locale.ROOT, "%-44s %12s %12s%n", figure, String.format(Locale.ROOT, format, value.apply(first)),
                String.format(Locale.ROOT, format, value.apply(again)));
    }

    private record Figures(int lines, double retrSeconds, double shownSeconds, FxBench.StallRecorder stalls,
                           long heldBytes, long usedAfterGc, long peakBytes) {
    }

    /** One RETR of {@code message} into a new pane in a new window; the window is closed afterwards. */
    private static Figures run(int port, int message, boolean measure) throws Exception {
        Transcript transcript = new Transcript();
        FxTaskExecutor executor = new FxTaskExecutor();
        TranscriptViewModel viewModel = new TranscriptViewModel(executor);
        AtomicReference<Stage> stage = new AtomicReference<>();
        AtomicReference<TranscriptPane> pane = new AtomicReference<>();
        FxBench.onFx(() -> {
            viewModel.follow(transcript, new EventExplainer(MailProtocol.POP3, Catalogue.english()));
            pane.set(new TranscriptPane(viewModel, executor, () -> { }));
            Stage window = new Stage();
            window.setScene(new Scene(pane.get(), 1000, 700));
            window.show();
            stage.set(window);
            return null;
        });
        try (Pop3ClientSession pop3 = new Pop3ClientSession(transcript,
                ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(120)))) {
            check(pop3.connect("127.0.0.1", port, TlsMode.NONE));
            check(pop3.user("alice"));
            check(pop3.pass("alice-pass"));
            waitUntilShown(viewModel, transcript.size());

            long baseline = measure ? FxBench.usedHeapAfterGc() : 0;
            FxBench.resetPeaks();
            FxBench.StallRecorder stalls = new FxBench.StallRecorder();
            AtomicLong target = new AtomicLong(Long.MAX_VALUE);
            AtomicLong shownAt = new AtomicLong();
            CountDownLatch shown = new CountDownLatch(1);
            AnimationTimer watch = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (viewModel.size() >= target.get()) {
                        shownAt.set(System.nanoTime());
                        stalls.stop();
                        stop();
                        shown.countDown();
                    }
                }
            };
            FxBench.onFx(() -> {
                stalls.start(stage.get().getScene());
                watch.start();
                pane.get().setOnAppended(count -> stalls.workDone());
                return null;
            });

            long start = System.nanoTime();
            check(pop3.retr(message));
            long answered = System.nanoTime();
            target.set(transcript.size());
            if (!shown.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the pane never showed every line");
            }
            long used = measure ? FxBench.usedHeapAfterGc() : 0;
            long peak = FxBench.peakHeapBytes();
            if (measure && Boolean.getBoolean("bench.histogram")) {
                FxBench.printClassHistogram(30);
            }
            check(pop3.quit());
            return new Figures((int) target.get(), (answered - start) / 1e9, (shownAt.get() - start) / 1e9, stalls,
                    used - baseline, used, peak);
        } finally {
            FxBench.onFx(() -> {
                stage.get().close();
                return null;
            });
            executor.shutdown();
        }
    }

    private static void waitUntilShown(TranscriptViewModel viewModel, int lines) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (FxBench.onFx(viewModel::size) < lines) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pane never showed the login");
            }
            Thread.sleep(20);
        }
    }

    private static void check(Pop3Reply reply) throws IOException {
        if (!reply.isOk()) {
            throw new IOException("unexpected reply: " + reply.status() + " " + reply.text());
        }
    }

    /**
     * Message 1: headers and {@value #BODY_LINES} numbered lines of 70 octets (every 1000th starting with a dot,
     * so RETR dot-stuffs it); message 2: a short one for the warm-up. Written into the Maildir's new/ as another
     * delivery agent would. Returns message 1's size.
     */
    private static long writeMessage(Path maildir) throws IOException {
        for (String sub : new String[] {"tmp", "new", "cur"}) {
            Files.createDirectories(maildir.resolve(sub));
        }
        Path large = maildir.resolve("new").resolve("1700000000.M1P1Q1.bench");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(large), 1 << 16)) {
            out.write(("From: bench@example.test\r\nTo: alice@example.test\r\nSubject: twenty megabytes\r\n"
                    + "Message-ID: <transcript@bench.example.test>\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < BODY_LINES; i++) {
                String line = (i % 1000 == 0 ? "." : "L") + String.format(Locale.ROOT, "%06d ", i) + LINE_TEXT;
                out.write(line.substring(0, 68).getBytes(StandardCharsets.US_ASCII));
                out.write('\r');
                out.write('\n');
            }
        }
        StringBuilder small = new StringBuilder("From: bench@example.test\r\nTo: alice@example.test\r\n"
                + "Subject: warm-up\r\n\r\n");
        for (int i = 0; i < 5_000; i++) {
            small.append(LINE_TEXT).append("\r\n");
        }
        Files.writeString(maildir.resolve("new").resolve("1700000001.M1P1Q2.bench"), small, StandardCharsets.US_ASCII);
        return Files.size(large);
    }
}
