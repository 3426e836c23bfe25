package dev.mailbench.app.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.mailbench.app.task.FxTaskExecutor;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The transcript beside its explanation, as a session tab shows them, in a theme: the newest line stays in view
 * as lines come, whichever line was clicked to be explained, until the user scrolls away; then a marker counts
 * the lines that came and brings the end back.
 */
class TranscriptFollowTest {

    private final FxRobot robot = new FxRobot();
    private final Transcript transcript = new Transcript();
    private TranscriptViewModel viewModel;
    private TranscriptPane pane;
    private int recorded;

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLineClickedToBeExplainedDoesNotStopTheViewFollowingNewLines() throws Exception {
        show(Theme.LIGHT);
        dialogue(0, 40);
        int clicked = WindowReads.onFx(() -> pane.size()) - 3;
        robot.clickOn(pointOn(clicked));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowReads.onFx(() -> viewModel.explanationProperty().get())).isNotNull();

        // replies come, one of them an error, and one line wider than the pane
        record(Direction.CLIENT, "AUTH PLAIN " + "QWxhZGRpbjpvcGVuIHNlc2FtZQ".repeat(12) + "\r\n");
        dialogue(40, 60);
        record(Direction.SERVER, "554 5.7.1 <nobody@example.test>: Relay access denied\r\n");
        awaitEveryLine();
        int last = recorded - 1;

        assertThat(WindowReads.onFx(() -> viewModel.selectedProperty().get())).as("still the line explained")
                .isEqualTo(clicked);
        assertWhollyInView(last);
        assertThat(WindowReads.onFx(() -> pane.lineText(last))).contains("Relay access denied");
        assertThat(markerShown()).as("nothing to jump back to").isFalse();
    }

    @Test
    void afterScrollingUpAMarkerCountsTheNewLinesAndClickedShowsTheEndAndFollowsAgain() throws Exception {
        show(Theme.LIGHT);
        dialogue(0, 40);
        Node up = robot.lookup("#transcript .scroll-bar:vertical .decrement-button").query();
        for (int i = 0; i < 10; i++) {
            robot.clickOn(up);
        }
        WaitForAsyncUtils.waitForFxEvents();
        int firstBefore = WindowReads.onFx(this::firstLineInView);

        dialogue(40, 52); // 24 lines
        assertThat(WindowReads.onFx(this::firstLineInView)).as("the reader keeps their place").isEqualTo(firstBefore);
        assertThat(markerShown()).isTrue();
        assertThat(WindowReads.onFx(() -> marker().getText())).isEqualTo("24 new lines ↓");

        robot.clickOn("#transcript-new-lines");
        WaitForAsyncUtils.waitForFxEvents();
        assertWhollyInView(WindowReads.onFx(() -> pane.size()) - 1);
        assertThat(markerShown()).isFalse();

        dialogue(52, 60);
        assertWhollyInView(WindowReads.onFx(() -> pane.size()) - 1);
        assertThat(markerShown()).as("following again: nothing unseen").isFalse();
    }

    @Test
    void ctrlEndShowsTheEndAndFollowsAgain() throws Exception {
        show(Theme.LIGHT);
        dialogue(0, 40);
        robot.clickOn(pointOn(WindowReads.onFx(() -> pane.size()) - 1));
        robot.type(KeyCode.PAGE_UP, 3);
        WaitForAsyncUtils.waitForFxEvents();
        dialogue(40, 45);
        assertThat(WindowReads.onFx(() -> marker().getText())).isEqualTo("10 new lines ↓");

        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(markerShown()).isFalse();
        dialogue(45, 50);
        assertWhollyInView(WindowReads.onFx(() -> pane.size()) - 1);
    }

    @Test
    void inTheProjectorThemeTheLastLineIsWhollyInViewWithNothingSelected() throws Exception {
        show(Theme.PROJECTOR);
        for (int round = 0; round < 6; round++) {
            dialogue(round * 10, round * 10 + 10);
            assertWhollyInView(WindowReads.onFx(() -> pane.size()) - 1);
        }
        assertThat(WindowReads.onFx(() -> viewModel.selectedProperty().get())).isEqualTo(-1);
    }

    @Test
    void aLongLineIsShownOnceWithItsProblemFirstAndWholeOnDemand() throws Exception {
        show(Theme.LIGHT);
        record(Direction.SERVER, "220 ready\r\n");
        record(Direction.CLIENT, "DATA\r\n");
        record(Direction.SERVER, "354 go ahead\r\n");
        String header = "X-Long: " + "0123456789".repeat(498) + "-the-end!!"; // 4,998 octets, 5,000 with CRLF
        recorded++;
        transcript.record(Direction.CLIENT, (header + "\r\n").getBytes(StandardCharsets.US_ASCII), false,
                Set.of(LineIssue.OVERLONG), null);
        awaitEveryLine();
        robot.clickOn(pointOn(3));
        WaitForAsyncUtils.waitForFxEvents();

        String tail = "-the-end!!";
        assertThat(WindowReads.onFx(() -> shownTexts().stream().filter(text -> text.contains(header.substring(0, 60)))
                .count())).as("the line's start, shown once").isEqualTo(1);
        assertThat(WindowReads.onFx(() -> shownTexts().stream().anyMatch(text -> text.contains(tail))))
                .as("cut, not all 5,000 octets at once").isFalse();
        List<String> sentences = WindowReads.onFx(() -> robot.lookup(".explanation-sentence").queryAllAs(Label.class)
                .stream().map(Label::getText).toList());
        assertThat(sentences.get(0)).as("the problem first").startsWith("Problem: line is longer than");
        assertThat(WindowReads.onFx(this::shownTexts)).contains("5000 octets, line ending included");

        robot.clickOn("#explanation-whole-line");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowReads.onFx(() -> robot.lookup("#explanation-line-text").queryAs(TextArea.class).getText()))
                .as("the whole line, on demand").isEqualTo(header + "⟨CR⟩⟨LF⟩");
        assertThat(WindowReads.onFx(() -> robot.lookup("#explanation-line-text").query().isVisible())).isTrue();
    }

    // ---------------------------------------------------------------- the window and what it shows

    /** The texts of the labels a user sees in the explanation pane. */
    private List<String> shownTexts() {
        return robot.lookup("#explanation .label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList();
    }

    /** The pane beside its explanation at the session tab's share, in a window of 1024×600 in {@code theme}. */
    private void show(Theme theme) throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            viewModel = new TranscriptViewModel(new FxTaskExecutor(), ZoneOffset.UTC);
            viewModel.follow(transcript, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
            pane = new TranscriptPane(viewModel, new FxTaskExecutor(), () -> { });
            SplitPane split = new SplitPane(pane, new ExplanationPane(viewModel, Catalogue.english(), () -> { }));
            split.setDividerPositions(0.64);
            Scene scene = new Scene(split, 1024, 600);
            new ThemeManager(theme).attach(scene);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Rounds {@code from} to {@code to} of a sender's dialogue: a command and its reply each. */
    private void dialogue(int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            record(Direction.CLIENT, "RCPT TO:<recipient-" + i + "@example.test>\r\n");
            record(Direction.SERVER, "250 2.1.5 <recipient-" + i + "@example.test>... Recipient ok\r\n");
        }
        awaitEveryLine();
    }

    private void awaitEveryLine() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WindowReads.onFx(() -> pane.size()) == recorded);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The row of line {@code index} is in view from its top to its bottom, not under the scroll bar. */
    private void assertWhollyInView(int index) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowReads.onFx(() -> pane.rowOf(index).isPresent())).as("line %d has a row in view", index)
                .isTrue();
        double bottom = WindowReads.onFx(() -> {
            Node row = pane.rowOf(index).orElseThrow();
            return pane.lines().sceneToLocal(row.localToScene(row.getLayoutBounds())).getMaxY();
        });
        double viewBottom = WindowReads.onFx(() -> pane.lines().getHeight() - pane.rows().bottomBarHeight());
        assertThat(bottom).as("line %d's bottom, within the view's %s", index, viewBottom)
                .isLessThanOrEqualTo(viewBottom + 0.5);
    }

    private Button marker() {
        return robot.lookup("#transcript-new-lines").queryAs(Button.class);
    }

    private boolean markerShown() {
        return WindowReads.onFx(() -> marker().isVisible());
    }

    private int firstLineInView() {
        return pane.rows().visibleRows().get(0).index();
    }

    private Point2D pointOn(int index) {
        return WindowReads.onFx(() -> {
            Node row = pane.rowOf(index).orElseThrow();
            Bounds bounds = row.getLayoutBounds();
            return row.localToScreen(60, bounds.getHeight() / 2);
        });
    }

    private void record(Direction direction, String line) {
        recorded++;
        transcript.record(direction, line.getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
    }
}
