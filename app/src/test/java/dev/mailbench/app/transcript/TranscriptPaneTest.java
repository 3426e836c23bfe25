package dev.mailbench.app.transcript;

import static dev.mailbench.app.workbench.WindowDriver.pointOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.mailbench.app.task.FxTaskExecutor;
import dev.mailbench.app.theme.FontZoom;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;

import javafx.geometry.Bounds;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The transcript pane as a user handles it: lines selected by clicking, Shift+clicking and the arrow keys,
 * copied with Ctrl+C as they are shown; the end kept in view as lines come, unless the user scrolled up to read.
 */
class TranscriptPaneTest {

    private final FxRobot robot = new FxRobot();
    private final Transcript transcript = new Transcript();
    private final java.util.concurrent.atomic.AtomicInteger messagesOpened = new java.util.concurrent.atomic.AtomicInteger();
    private TranscriptViewModel viewModel;
    private TranscriptPane pane;

    @BeforeEach
    void showPane() throws Exception {
        FxToolkit.registerPrimaryStage();
        record(Direction.SERVER, "220 mx.example.test ESMTP ready\r\n");
        record(Direction.CLIENT, "EHLO client.example.test\r\n");
        record(Direction.SERVER, "250-mx.example.test\r\n");
        record(Direction.SERVER, "250 PIPELINING\r\n");
        record(Direction.CLIENT, "MAIL FROM:<alice@example.test>\r\n");
        record(Direction.SERVER, "250 2.1.0 Ok\r\n");
        WaitForAsyncUtils.asyncFx(() -> {
            viewModel = new TranscriptViewModel(new FxTaskExecutor(), ZoneOffset.UTC);
            viewModel.showTimesProperty().set(false);
            viewModel.follow(transcript, new EventExplainer(MailProtocol.SMTP, Catalogue.english()));
            pane = new TranscriptPane(viewModel, new FxTaskExecutor(), messagesOpened::incrementAndGet);
            Stage stage = new Stage();
            stage.setScene(new Scene(pane, 700, 300));
            stage.show();
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WindowReads.onFx(() -> pane.size()) == 6);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindows() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aClickExplainsALineAndShiftClickAndArrowsSelectARunThatCtrlCCopies() {
        robot.clickOn(pointOn(1));
        assertThat(WindowReads.onFx(() -> viewModel.selectedProperty().get())).isEqualTo(1);
        assertThat(WindowReads.onFx(() -> viewModel.explanationProperty().get().title()))
                .isEqualTo("EHLO client.example.test");

        robot.press(KeyCode.SHIFT).clickOn(pointOn(3)).release(KeyCode.SHIFT);
        robot.press(KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT);
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WindowReads.onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("""
                C: EHLO client.example.test
                S: 250-mx.example.test
                S: 250 PIPELINING
                C: MAIL FROM:<alice@example.test>
                """);
        assertThat(WindowReads.onFx(() -> viewModel.selectedProperty().get()))
                .as("the line the selection moved to is the one explained").isEqualTo(4);
        assertThat(WindowReads.onFx(() -> rowStyle(2).contains("selected")
                && !rowStyle(5).contains("selected"))).isTrue();
    }

    @Test
    void aRightClickSelectsTheLineUnderItAndTheMenuKeyOpensTheMenuThatCopiesIt() {
        robot.rightClickOn(pointOn(5));
        assertThat(WindowReads.onFx(() -> viewModel.selectedProperty().get())).isEqualTo(5);

        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(pointOf(robot, "#transcript-copy"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WindowReads.onFx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("S: 250 2.1.0 Ok\n");
        assertThat(WindowReads.onFx(() -> viewModel.messageSelectedProperty().get()))
                .as("an SMTP reply carries no message to open (the menu's Open as Message is off)").isFalse();
    }

    @Test
    void lineEndingsShownAreCopiedAsShown() {
        robot.clickOn(pointOn(0));
        WaitForAsyncUtils.asyncFx(() -> viewModel.showLineEndingsProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WindowReads.onFx(() -> Clipboard.getSystemClipboard().getString()))
                .isEqualTo("S: 220 mx.example.test ESMTP ready⟨CR⟩⟨LF⟩\n");
        assertThat(WindowReads.onFx(() -> pane.rowOf(0).orElseThrow().lookupAll(".control").size()))
                .as("the marks of CR and LF, drawn in the muted colour of control octets").isEqualTo(2);
    }

    @Test
    void rightAndLeftScrollALongLineSideways() throws Exception {
        record(Direction.CLIENT, "AUTH PLAIN " + "QWxhZGRpbjpvcGVuIHNlc2FtZQ".repeat(20) + "\r\n");
        awaitLines(7);
        robot.clickOn(pointOn(6));

        robot.type(KeyCode.RIGHT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        double scrolled = WindowReads.onFx(() -> pane.rowOf(6).orElseThrow().getLayoutX());
        robot.type(KeyCode.LEFT, 3);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(scrolled).as("the row moved left: its end comes into view").isNegative();
        assertThat(WindowReads.onFx(() -> pane.rowOf(6).orElseThrow().getLayoutX())).isZero();
        assertThat(WindowReads.onFx(() -> viewModel.selectedProperty().get())).as("still the line explained").isEqualTo(6);
    }

    @Test
    void theEndStaysInViewAsLinesComeUnlessTheUserScrolledUp() throws Exception {
        showFiveHundredMoreLines();
        assertThat(WindowReads.onFx(() -> pane.rowOf(505).isPresent())).as("the last line in view").isTrue();

        Node up = robot.lookup("#transcript .scroll-bar:vertical .decrement-button").query();
        for (int i = 0; i < 5; i++) {
            robot.clickOn(pointOf(robot, up));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowReads.onFx(() -> pane.rowOf(505).isPresent())).as("scrolled up by five lines").isFalse();
        int firstBefore = WindowReads.onFx(this::firstLineInView);
        for (int i = 0; i < 100; i++) {
            record(Direction.SERVER, "250-more " + i + "\r\n");
        }
        awaitLines(606);

        assertThat(WindowReads.onFx(() -> pane.rowOf(605).isPresent())).as("the new end is not pulled into view").isFalse();
        assertThat(WindowReads.onFx(this::firstLineInView)).as("the reader keeps their place").isEqualTo(firstBefore);
    }

    @Test
    void zoomingKeepsTheLineAtTheTopOfTheView() throws Exception {
        FontZoom zoom = new FontZoom();
        WaitForAsyncUtils.asyncFx(() -> new ThemeManager(Theme.LIGHT, zoom).attach(pane.getScene()));
        showFiveHundredMoreLines();
        robot.clickOn(pointOn(505));
        robot.type(KeyCode.PAGE_UP, 10);
        WaitForAsyncUtils.waitForFxEvents();
        int top = WindowReads.onFx(this::firstLineInView);
        double rowHeight = WindowReads.onFx(() -> pane.rows().rowHeight());

        WaitForAsyncUtils.asyncFx(() -> {   // View ▸ Zoom In, to 200 %
            while (zoom.scale() < 2.0) {
                zoom.zoomIn();
            }
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WindowReads.onFx(() -> pane.rows().rowHeight())).as("taller rows").isGreaterThan(rowHeight * 1.5);
        assertThat(WindowReads.onFx(this::firstLineInView)).as("the reader's place").isBetween(top, top + 1);
    }

    @Test
    void aScreenReaderFindsAListOfEveryLineWithTheFocusedAndSelectedOnesAndCanMoveTheSelection() throws Exception {
        showFiveHundredMoreLines();
        robot.clickOn(pointOn(504));
        robot.press(KeyCode.SHIFT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        Node list = pane.lines();

        assertThat(WindowReads.onFx(() -> list.queryAccessibleAttribute(AccessibleAttribute.ROLE)))
                .isEqualTo(AccessibleRole.LIST_VIEW);
        assertThat(WindowReads.onFx(() -> list.queryAccessibleAttribute(AccessibleAttribute.ITEM_COUNT)))
                .as("every line, not only those in view").isEqualTo(506);
        Node focused = WindowReads.onFx(() -> (Node) list.queryAccessibleAttribute(AccessibleAttribute.FOCUS_ITEM));
        assertThat(WindowReads.onFx(() -> focused.queryAccessibleAttribute(AccessibleAttribute.ROLE)))
                .isEqualTo(AccessibleRole.LIST_ITEM);
        assertThat(WindowReads.onFx(() -> focused.queryAccessibleAttribute(AccessibleAttribute.INDEX))).isEqualTo(505);
        assertThat(WindowReads.onFx(() -> focused.queryAccessibleAttribute(AccessibleAttribute.TEXT)))
                .isEqualTo("S: 250-line 499");
        assertThat(WindowReads.onFx(() -> ((java.util.List<?>) list.queryAccessibleAttribute(AccessibleAttribute.SELECTED_ITEMS))
                .stream().map(row -> ((Node) row).queryAccessibleAttribute(AccessibleAttribute.INDEX)).toList()))
                .containsExactly(504, 505);

        Node far = WindowReads.onFx(() -> (Node) list.queryAccessibleAttribute(AccessibleAttribute.ITEM_AT_INDEX, 1));
        assertThat(WindowReads.onFx(() -> far.queryAccessibleAttribute(AccessibleAttribute.TEXT)))
                .as("a line far out of view").isEqualTo("C: EHLO client.example.test");
        assertThat(WindowReads.onFx(() -> far.queryAccessibleAttribute(AccessibleAttribute.SELECTED))).isEqualTo(false);

        WaitForAsyncUtils.asyncFx(() -> list.executeAccessibleAction(AccessibleAction.SET_SELECTED_ITEMS,
                javafx.collections.FXCollections.observableArrayList(far)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WindowReads.onFx(() -> viewModel.selectedProperty().get())).isEqualTo(1);
        assertThat(WindowReads.onFx(() -> viewModel.explanationProperty().get().title()))
                .isEqualTo("EHLO client.example.test");
        assertThat(WindowReads.onFx(() -> pane.rowOf(1).isPresent())).as("scrolled to the line selected").isTrue();
    }

    /** Lines 6 to 505: more than the window shows, the last in view. */
    private void showFiveHundredMoreLines() throws Exception {
        for (int i = 0; i < 500; i++) {
            record(Direction.SERVER, "250-line " + i + "\r\n");
        }
        awaitLines(506);
    }

    private void awaitLines(int lines) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WindowReads.onFx(() -> pane.size()) == lines);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int firstLineInView() {
        return pane.rows().visibleRows().get(0).index();
    }

    private java.util.List<String> rowStyle(int index) {
        return pane.rowOf(index).orElseThrow().getPseudoClassStates().stream().map(Object::toString).toList();
    }

    /** A point on the row of line {@code index}, which must be in view. */
    private Point2D pointOn(int index) {
        return WindowReads.onFx(() -> {
            Node row = pane.rowOf(index).orElseThrow();
            Bounds bounds = row.getLayoutBounds();
            return row.localToScreen(60, bounds.getHeight() / 2);
        });
    }

    private void record(Direction direction, String line) {
        transcript.record(direction, line.getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
    }
}
