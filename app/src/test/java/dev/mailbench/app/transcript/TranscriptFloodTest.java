package dev.mailbench.app.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mailbench.app.task.FxTaskExecutor;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.LineRole;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A 20 MB RETR, some 300,000 lines, reaches the pane in pulses of bounded size, so the UI thread keeps
 * answering in between; every line arrives, in order, and only the lines in view have rows. Nothing here depends
 * on how fast the machine is.
 */
class TranscriptFloodTest {

    private static final int BODY_LINES = 300_000;
    private static final String LINE = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod\r\n";

    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeStage() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aTwentyMegabyteRetrIsDrawnInPulsesOfBoundedSize() throws Exception {
        Transcript transcript = new Transcript();
        transcript.record(Direction.SERVER, bytes("+OK POP3 ready\r\n"), false, Set.of(), null);
        transcript.record(Direction.CLIENT, bytes("RETR 1\r\n"), false, Set.of(), null);
        transcript.record(Direction.SERVER, bytes("+OK 22200000 octets\r\n"), false, Set.of(), null);
        for (int i = 0; i < BODY_LINES; i++) {
            transcript.record(Direction.SERVER, bytes(i % 1000 == 0 ? "." + LINE : LINE), false, Set.of(), null);
        }
        transcript.record(Direction.SERVER, bytes(".\r\n"), false, Set.of(), null);
        int total = BODY_LINES + 4;
        assertThat((long) BODY_LINES * LINE.length()).isGreaterThan(20_000_000L);

        TranscriptViewModel viewModel = new TranscriptViewModel(new FxTaskExecutor());
        List<Integer> batches = new CopyOnWriteArrayList<>();
        AtomicInteger drawnWhenTheUiAnswered = new AtomicInteger(-1);
        WaitForAsyncUtils.asyncFx(() -> {
            viewModel.follow(transcript, new EventExplainer(MailProtocol.POP3, Catalogue.english()));
            TranscriptPane pane = new TranscriptPane(viewModel, new FxTaskExecutor(), () -> { });
            pane.setOnAppended(batches::add);
            stage = new Stage();
            stage.setScene(new Scene(pane, 800, 600));
            stage.show();
            // Something else the UI thread has to do, asked for while 300,000 lines wait to be drawn.
            Platform.runLater(() -> drawnWhenTheUiAnswered.set(viewModel.size()));
        }).get(30, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> viewModel.size() == total && !viewModel.hasWaiting());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(drawnWhenTheUiAnswered.get())
                .as("the UI thread answered long before the last line was drawn")
                .isBetween(0, total / 2);
        assertThat(batches).as("no pulse takes more than its share")
                .allSatisfy(batch -> assertThat(batch).isBetween(1, TranscriptViewModel.MAX_LINES_PER_PULSE));
        assertThat(batches.size()).isGreaterThanOrEqualTo(total / TranscriptViewModel.MAX_LINES_PER_PULSE);
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);

        TranscriptPane pane = (TranscriptPane) stage.getScene().getRoot();
        assertThat(WindowReads.onFx(() -> pane.size())).isEqualTo(total);
        assertThat(WindowReads.onFx(() -> pane.lookupAll(".transcript-line").size()))
                .as("rows are made for the lines in view, not for 300,000 lines").isLessThan(200);
        assertThat(WindowReads.onFx(() -> pane.lineText(total - 2))).endsWith("S: " + LINE.strip());
        assertThat(WindowReads.onFx(() -> pane.lineText(3 + 1000))).endsWith("S: ." + LINE.strip());
        assertThat(WindowReads.onFx(() -> shownRows(pane)))
                .as("the end was in view when the lines came, so it still is")
                .contains(total - 1);
        TranscriptEntry last = viewModel.entry(total - 1);
        assertThat(last.info().role()).isEqualTo(LineRole.RESPONSE_END);
        assertThat(viewModel.entry(3 + 1000).info().leadingDot()).isTrue();
        assertThat(last.event().sequence()).isEqualTo(total - 1);
    }

    /** The indexes of the lines whose rows are in view. */
    private static List<Integer> shownRows(TranscriptPane pane) {
        return pane.rows().visibleRows().stream().map(TranscriptLineCell::index).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
