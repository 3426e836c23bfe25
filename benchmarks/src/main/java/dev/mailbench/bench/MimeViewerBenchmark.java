package dev.mailbench.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.mailbench.app.dialog.FileChoosers;
import dev.mailbench.app.mime.MimeViewerView;
import dev.mailbench.app.mime.MimeViewerViewModel;
import dev.mailbench.app.task.FxTaskExecutor;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import javafx.application.Platform;

/**
 * The MIME viewer opening a 50 MiB message file whose attachment is 45 MiB of base64, in a shown window (JavaFX
 * headless, Monocle): the time until the part tree is shown (the analysis set and the tree populated with every
 * part) and until the raw source's first window is laid out, the peak heap meanwhile, and the longest the FX
 * thread went without a pulse or without running a {@code runLater} probe posted every 10 ms.
 */
public final class MimeViewerBenchmark {

    private static final long MESSAGE_BYTES = 50L * 1024 * 1024;
    private static final long ATTACHMENT_BASE64_BYTES = 45L * 1024 * 1024;
    /** The root multipart, the text, a short HTML part and the attachment. */
    private static final int PARTS = 4;

    public static void main(String[] args) throws Exception {
        FxBench.startHeadlessToolkit();
        Path dir = Files.createTempDirectory("mailbench-mime-bench");
        try {
            Path small = dir.resolve("warm-up.eml");
            write(small, 256 * 1024, 512 * 1024);
            Path large = dir.resolve("large.eml");
            write(large, MESSAGE_BYTES - ATTACHMENT_BASE64_BYTES, ATTACHMENT_BASE64_BYTES);
            long size = Files.size(large);

            run(small, false); // class loading, first layout and the theme's CSS are not measured
            Figures f = run(large, true);
            System.out.printf(Locale.ROOT, "%nMIME viewer, a %.1f MiB message file with a %.1f MiB base64 attachment, on %s%n",
                    FxBench.mb(size), FxBench.mb(ATTACHMENT_BASE64_BYTES), FxBench.machine());
            System.out.printf(Locale.ROOT, "%-44s %12s%n", "figure", "value");
            row("open to part tree shown, s", "%.2f", f.treeSeconds());
            row("open to raw source laid out, s", "%.2f", f.rawSeconds());
            row("peak heap until tree shown, MB", "%.0f", FxBench.mb(f.peakAtTree()));
            row("peak heap until settled (tree + 1 s), MB", "%.0f", FxBench.mb(f.peakSettled()));
            row("heap held after GC (above baseline), MB", "%.0f", FxBench.mb(f.heldBytes()));
            row("gap between pulses: median, longest, ms", "%.0f, %.0f", f.stalls().medianPulseGapMs(),
                    f.stalls().longestPulseGapMs());
            row("pulse gaps over 100 ms", "%d of %d", f.stalls().pulseGapsOver100Ms(), f.stalls().pulses());
            row("latest 10 ms runLater probe, ms", "%.0f", f.stalls().longestProbeLatenessMs());
            row("GC meanwhile: collections, pause ms", "%d, %d", f.stalls().collections(), f.stalls().collectionMillis());
            row("text part selected: longest pulse gap, ms", "%.0f", f.textSelected().longestPulseGapMs());
            row("  latest runLater probe, ms", "%.0f", f.textSelected().longestProbeLatenessMs());
            row("attachment selected: longest pulse gap, ms", "%.0f", f.attachmentSelected().longestPulseGapMs());
            row("  latest runLater probe, ms", "%.0f", f.attachmentSelected().longestProbeLatenessMs());
        } finally {
            Pop3ReadBackBenchmark.deleteTree(dir);
            Platform.exit();
        }
    }

    private static void row(String figure, String format, Object... values) {
        System.out.printf(Locale.ROOT, "%-44s %12s%n", figure, String.format(Locale.ROOT, format, values));
    }

    /**
     * Selects row {@code row} of the part tree, as a click would, and records the stalls until its body, header
     * fields and raw source have had time to come in.
     */
    private static FxBench.StallRecorder select(TreeView<Object> tree, int row) throws Exception {
        FxBench.StallRecorder stalls = new FxBench.StallRecorder();
        FxBench.onFx(() -> {
            stalls.start();
            tree.getSelectionModel().select(row);
            return null;
        });
        Thread.sleep(1500);
        FxBench.onFx(() -> {
            stalls.stop();
            return null;
        });
        return stalls;
    }

    private record Figures(double treeSeconds, double rawSeconds, long peakAtTree, long peakSettled, long heldBytes,
                           FxBench.StallRecorder stalls, FxBench.StallRecorder textSelected,
                           FxBench.StallRecorder attachmentSelected) {
    }

    private static Figures run(Path file, boolean measure) throws Exception {
        FileChoosers none = FileChoosers.cancelling();
        FxTaskExecutor executor = new FxTaskExecutor();
        AtomicReference<Stage> stage = new AtomicReference<>();
        AtomicReference<MimeViewerViewModel> viewModel = new AtomicReference<>();
        FxBench.onFx(() -> {
            viewModel.set(new MimeViewerViewModel(executor));
            Scene scene = new Scene(new MimeViewerView(viewModel.get(), executor, none), 1100, 700);
            new ThemeManager(Theme.LIGHT).attach(scene);
            Stage window = new Stage();
            window.setScene(scene);
            window.show();
            stage.set(window);
            return null;
        });
        try {
            Thread.sleep(500); // the first layout and paint of the empty viewer
            long baseline = measure ? FxBench.usedHeapAfterGc() : 0;
            FxBench.StallRecorder stalls = new FxBench.StallRecorder();
            AtomicLong treeAt = new AtomicLong();
            AtomicLong rawAt = new AtomicLong();
            AtomicLong peakAtTree = new AtomicLong();
            CountDownLatch shown = new CountDownLatch(1);
            @SuppressWarnings("unchecked")
            TreeView<Object> tree = (TreeView<Object>) FxBench.onFx(() -> stage.get().getScene().lookup("#mime-tree"));
            StyleClassedTextArea raw = (StyleClassedTextArea) FxBench.onFx(() -> stage.get().getScene().lookup("#mime-raw"));
            AnimationTimer watch = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (treeAt.get() == 0 && viewModel.get().analysisProperty().get() != null && tree.getRoot() != null
                            && tree.getExpandedItemCount() >= PARTS) {
                        treeAt.set(System.nanoTime());
                        peakAtTree.set(FxBench.peakHeapBytes());
                    }
                    if (rawAt.get() == 0 && raw.getLength() > 0) {
                        rawAt.set(System.nanoTime());
                    }
                    if (treeAt.get() != 0 && rawAt.get() != 0) {
                        stop();
                        shown.countDown();
                    }
                }
            };
            FxBench.resetPeaks();
            long start = System.nanoTime();
            FxBench.onFx(() -> {
                stalls.start();
                watch.start();
                viewModel.get().open(file);
                return null;
            });
            if (!shown.await(300, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the viewer never showed the tree: " + viewModel.get().statusProperty().get());
            }
            Thread.sleep(1000); // the selected part's body and header fields come in after the tree
            FxBench.onFx(() -> {
                stalls.stop();
                return null;
            });
            long peakSettled = FxBench.peakHeapBytes();
            long held = measure ? FxBench.usedHeapAfterGc() - baseline : 0;
            FxBench.StallRecorder text = select(tree, 1);
            FxBench.StallRecorder attachment = select(tree, 3);
            return new Figures((treeAt.get() - start) / 1e9, (rawAt.get() - start) / 1e9, peakAtTree.get(), peakSettled,
                    held, stalls, text, attachment);
        } finally {
            FxBench.onFx(() -> {
                stage.get().close();
                return null;
            });
            executor.shutdown();
        }
    }

    /**
     * A multipart/mixed message: a plain text part of about {@code textBytes}, a short HTML part, and an
     * application/pdf attachment of {@code attachmentBase64Bytes} of base64 (76 characters a line), random bytes.
     */
    private static void write(Path file, long textBytes, long attachmentBase64Bytes) throws IOException {
        Random random = new Random(11);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ascii(out, "From: Sender <sender@example.test>\r\nTo: alice@example.test\r\nSubject: a large attachment\r\n"
                    + "Date: Thu, 3 Oct 2024 14:30:00 +0200\r\nMessage-ID: <mime@bench.example.test>\r\n"
                    + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"=-bench-boundary\"\r\n\r\n"
                    + "--=-bench-boundary\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Transfer-Encoding: 8bit\r\n\r\n");
            byte[] line = "Größen und Zeiten: the long text part of a large message, line after line.\r\n"
                    .getBytes(StandardCharsets.UTF_8);
            long text = 0;
            while (text + line.length < textBytes - 1024) {
                out.write(line);
                text += line.length;
            }
            ascii(out, "--=-bench-boundary\r\nContent-Type: text/html; charset=us-ascii\r\n\r\n"
                    + "<html><body><p>See the attached report.</p></body></html>\r\n"
                    + "--=-bench-boundary\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"report.pdf\"\r\n\r\n");
            Base64.Encoder mime = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[57 * 1024]; // whole lines: 57 octets make 76 characters
            long encoded = 0;
            while (encoded < attachmentBase64Bytes) {
                random.nextBytes(chunk);
                byte[] lines = mime.encode(chunk);
                out.write(lines);
                out.write('\r');
                out.write('\n');
                encoded += lines.length + 2;
            }
            ascii(out, "--=-bench-boundary--\r\n");
        }
    }

    private static void ascii(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
