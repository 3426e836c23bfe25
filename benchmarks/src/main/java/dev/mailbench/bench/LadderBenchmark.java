package dev.mailbench.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import dev.mailbench.app.ladder.LadderView;
import dev.mailbench.app.ladder.LadderViewModel;
import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.ladder.Ladder;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The ladder of a session of 10,000 commands (2,000 transactions of MAIL, two RCPT, DATA and the message's end, the
 * RCPTs pipelined, RFC 2920), with their replies and message text: 40,000 transcript lines.
 *
 * <p>Figures, beside the explainer reading the same lines (the other reader of every line a session records):
 * building the ladder model at once, and appending to it in steps of {@value LadderViewModel#MAX_LINES_PER_STEP}
 * lines, as the window does while a session grows or when the ladder is shown after a long one; then the ladder view, shown in a
 * window (JavaFX headless, Monocle), laying out its visible rows at scroll positions from the top to the end. Goal:
 * no step over 100 ms on the FX thread.
 */
public final class LadderBenchmark {

    private static final int TRANSACTIONS = 2_000;
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        FxBench.startHeadlessToolkit();
        try {
            measure();
        } finally {
            Platform.exit();
        }
    }

    private static void measure() throws Exception {
        Transcript transcript = session();
        List<TranscriptEvent> events = transcript.events();
        int commands = TRANSACTIONS * 5 + 1;

        // warm-up: the JIT compiles the readers before anything is measured
        for (int i = 0; i < 3; i++) {
            Ladder.of(MailProtocol.SMTP, transcript);
            explain(events);
        }
        double[] ladderAtOnce = new double[RUNS];
        double[] explainerAtOnce = new double[RUNS];
        double[] ladderBatch = new double[RUNS];
        double[] explainerBatch = new double[RUNS];
        int rows = 0;
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            rows = Ladder.of(MailProtocol.SMTP, transcript).size();
            ladderAtOnce[run] = ms(System.nanoTime() - start);
            start = System.nanoTime();
            explain(events);
            explainerAtOnce[run] = ms(System.nanoTime() - start);
            ladderBatch[run] = longestBatch(events, new Ladder(MailProtocol.SMTP)::accept,
                    LadderViewModel.MAX_LINES_PER_STEP);
            EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, Catalogue.english());
            explainerBatch[run] = longestBatch(events, explainer::accept, LadderViewModel.MAX_LINES_PER_STEP);
        }

        List<Double> layouts = FxBench.onFx(() -> layouts(transcript));

        System.out.printf(Locale.ROOT, "%nLadder of a session of %,d commands (%,d transcript lines, %,d rows), on %s%n",
                commands, events.size(), rows, FxBench.machine());
        System.out.printf(Locale.ROOT, "%-52s %10s %10s%n", "figure (median of " + RUNS + " runs)", "ladder", "explainer");
        System.out.printf(Locale.ROOT, "%-52s %10.1f %10.1f%n", "read every line at once, ms", median(ladderAtOnce),
                median(explainerAtOnce));
        System.out.printf(Locale.ROOT, "%-52s %10.2f %10.2f%n", "longest step of " + LadderViewModel.MAX_LINES_PER_STEP
                + " lines, ms", median(ladderBatch), median(explainerBatch));
        double[] layout = layouts.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "%nLadder view, 1024×600, visible rows laid out at %d scroll positions, top to end%n",
                layout.length);
        System.out.printf(Locale.ROOT, "%-52s %10.2f%n", "one layout: median, ms", median(layout));
        System.out.printf(Locale.ROOT, "%-52s %10.2f%n", "one layout: longest, ms",
                Arrays.stream(layout).max().orElse(0));
    }

    /** The SMTP session: a greeting, EHLO, then the transactions, with the RCPTs of each pipelined. */
    private static Transcript session() {
        Transcript transcript = new Transcript();
        transcript.note("Connected to 127.0.0.1:2525 from 127.0.0.1:40000");
        server(transcript, "220 mail.example.test ESMTP Mailbench");
        client(transcript, "EHLO client.example.test");
        server(transcript, "250-mail.example.test");
        server(transcript, "250-PIPELINING");
        server(transcript, "250 8BITMIME");
        for (int i = 0; i < TRANSACTIONS; i++) {
            client(transcript, "MAIL FROM:<alice@example.test>");
            client(transcript, "RCPT TO:<bob@example.test>");
            client(transcript, "RCPT TO:<nobody" + i + "@example.test>");
            server(transcript, "250 2.1.0 Sender OK");
            server(transcript, "250 2.1.5 Recipient OK");
            server(transcript, "550 5.1.1 No such user");
            client(transcript, "DATA");
            server(transcript, "354 End data with <CR><LF>.<CR><LF>");
            client(transcript, "Subject: message " + i);
            client(transcript, "");
            client(transcript, "Hello, Bob.");
            client(transcript, ".");
            server(transcript, "250 2.0.0 Ok: queued as " + i);
        }
        return transcript;
    }

    private static void client(Transcript transcript, String line) {
        transcript.record(Direction.CLIENT, (line + "\r\n").getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
    }

    private static void server(Transcript transcript, String line) {
        transcript.record(Direction.SERVER, (line + "\r\n").getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
    }

    private static void explain(List<TranscriptEvent> events) {
        EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, Catalogue.english());
        events.forEach(explainer::accept);
    }

    /** The longest time one batch of a pulse's lines took to read, in ms. */
    private static double longestBatch(List<TranscriptEvent> events, Consumer<TranscriptEvent> reader, int batch) {
        double longest = 0;
        for (int from = 0; from < events.size(); from += batch) {
            int to = Math.min(events.size(), from + batch);
            long start = System.nanoTime();
            for (int i = from; i < to; i++) {
                reader.accept(events.get(i));
            }
            longest = Math.max(longest, ms(System.nanoTime() - start));
        }
        return longest;
    }

    /** The ladder view over the whole session, shown; the time of each layout at 41 scroll positions. FX thread. */
    private static List<Double> layouts(Transcript transcript) {
        TranscriptViewModel lines = new TranscriptViewModel(new CurrentThreadTaskExecutor());
        lines.follow(transcript, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
        while (lines.hasWaiting()) {
            lines.drain(TranscriptViewModel.MAX_LINES_PER_PULSE);
        }
        LadderViewModel model = new LadderViewModel(lines, Runnable::run);
        model.shownProperty().set(true);
        LadderView view = new LadderView(model);
        Scene scene = new Scene(view, 1024, 600);
        new ThemeManager(Theme.LIGHT).attach(scene);
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        view.applyCss();
        view.layout();
        double total = model.size() * view.rowHeight();
        List<Double> times = new ArrayList<>();
        for (int warm = 0; warm < 20; warm++) {
            view.scrollBy(warm % 2 == 0 ? -total : total);
            view.layout();
        }
        view.scrollBy(-total);
        view.layout();
        for (int step = 0; step <= 40; step++) {
            view.scrollBy(step == 0 ? 0 : total / 40);
            long start = System.nanoTime();
            view.layout();
            times.add(ms(System.nanoTime() - start));
        }
        stage.hide();
        return times;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
