package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mailbench.app.practice.PracticeServerSource;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.mime.SampleMessages;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.smtp.SmtpPhase;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window at the sizes a classroom gives it, a 1024×768 projector and 200 % zoom, walked view by view:
 * no label, button, tab or heading a user sees may end in an ellipsis where its text was cut.
 */
class LayoutWindowTest {

    @TempDir
    Path temp;

    private WindowDriver window;
    /** The primary stage's size before the test: it outlives the test, and the window tests that follow expect it. */
    private double[] sizeBefore;

    @AfterEach
    void closeTheWindow() throws Exception {
        if (window != null) {
            if (sizeBefore != null) {
                WindowDriver.onFx(() -> {
                    stage().setWidth(sizeBefore[0]);
                    stage().setHeight(sizeBefore[1]);
                    return null;
                });
            }
            window.close();
        }
    }

    @Test
    void at1024By768NoLabelIsCut() throws Exception {
        openTheWindow(1024, 768);

        assertThat(walkTheViews()).isEmpty();
    }

    @Test
    void at200PercentZoomNoLabelIsCut() throws Exception {
        openTheWindow(1200, 800);
        for (int i = 0; i < 5; i++) {   // 1.1, 1.25, 1.5, 1.75, 2.0
            window.robot().push(KeyCode.CONTROL, KeyCode.PLUS);
        }

        // the transcript keeps a readable share of the window, beside the practice panel, at both sizes
        double wide = transcriptShare();
        resize(1024, 768);
        double small = transcriptShare();
        assertThat(wide).as("the transcript's share of the window's height at 1200×800")
                .isGreaterThanOrEqualTo(MINIMUM_TRANSCRIPT_SHARE);
        assertThat(small).as("the transcript's share of the window's height at 1024×768")
                .isGreaterThanOrEqualTo(MINIMUM_TRANSCRIPT_SHARE);
        assertThat(cutLabels("SMTP session at 1024×768")).isEmpty();
        resize(1200, 800);
        // the practice panel stepped aside for the session at this zoom: brought back, its labels are checked too
        assertThat(window.robot().lookup("#practice-sections").tryQuery()).isEmpty();
        window.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        window.await(() -> window.robot().lookup("#practice-sections").tryQuery().isPresent(), "the practice panel");

        assertThat(walkTheViews()).isEmpty();
    }

    @Test
    void at1024By768ALongReplyIsReadableWithoutAClick() throws Exception {
        openTheWindow(1024, 768);
        window.type("#command-line", "EHLO client.example.test\n");
        window.awaitState(SmtpPhase.READY.description());
        window.type("#command-line", "MAIL FROM:<alice@example.test>\n");
        window.awaitLine(line -> line.contains("S: 250 2.1.0"), "MAIL accepted");
        window.type("#command-line", "RCPT TO:<someone@elsewhere.test>\n");
        int refused = window.awaitLine(line -> line.contains("S: 550 5.7.1"), "the relay refused");
        TranscriptPane pane = window.transcriptPane();

        // the reply's own text, not the time columns, has the transcript's width
        double start = WindowDriver.onFx(() -> {
            List<Text> texts = window.lineTexts(refused);
            Text reply = texts.stream().filter(text -> text.getStyleClass().contains("reply-5xx")).findFirst().orElseThrow();
            Node rows = window.transcript();
            return (rows.sceneToLocal(reply.localToScene(reply.getLayoutBounds())).getMinX()) / rows.getLayoutBounds().getWidth();
        });
        assertThat(start).as("where the reply's text starts, as a share of the transcript's width").isLessThan(0.1);

        // what does not fit is marked at the row's end, never cut silently
        String whole = WindowDriver.onFx(() -> pane.lineText(refused));
        boolean marked = WindowDriver.onFx(() -> {
            Bounds row = pane.rowOf(refused).orElseThrow().localToScene(pane.rowOf(refused).orElseThrow().getLayoutBounds());
            return pane.lookupAll(".transcript-more").stream().filter(LayoutWindowTest::showing)
                    .anyMatch(mark -> {
                        Bounds bounds = mark.localToScene(mark.getLayoutBounds());
                        return bounds.getCenterY() > row.getMinY() && bounds.getCenterY() < row.getMaxY();
                    });
        });
        assertThat(marked).as("the 550's row, cut at the view's edge (" + whole + "), marks the cut").isTrue();

        // pointed at, the whole line is read in its tooltip, times and all
        window.robot().moveTo(WindowDriver.onFx(() -> {
            Node row = pane.rowOf(refused).orElseThrow();
            return row.localToScreen(60, row.getLayoutBounds().getHeight() / 2);
        }));
        window.await(() -> pane.lineTip().isShowing(), "the line's tooltip");
        assertThat(WindowDriver.onFx(() -> pane.lineTip().getText()))
                .contains("S: 550 5.7.1 <someone@elsewhere.test>", "Relay access denied").containsPattern("\\d\\d:\\d\\d:\\d\\d");
    }

    @Test
    void at1024By768TheMailboxesHeadersAreWholeInLightAndProjector() throws Exception {
        openTheWindow(1024, 768);
        selectPanelTab("practice-tab-mailboxes");
        assertThat(cutHeaders()).as("light").isEmpty();

        projectorThemeWithThePracticePanel();
        selectPanelTab("practice-tab-mailboxes");
        assertThat(cutHeaders()).as("projector").isEmpty();
    }

    @Test
    void inTheProjectorThemeBesideThePracticePanelTheExplanationGoesUnderTheTranscript() throws Exception {
        openTheWindow(1024, 768);
        assertThat(explanationSplit()).as("light, 1024×768, beside the panel").isEqualTo(Orientation.HORIZONTAL);

        projectorThemeWithThePracticePanel();
        window.await(() -> explanationSplit() == Orientation.VERTICAL, "the explanation under the transcript");
        // the explanation has the session's width: some 20 of the projector's letters a line at the least
        double[] widths = WindowDriver.onFx(() -> new double[] {window.node("#explanation").getLayoutBounds().getWidth(),
                window.<Labeled>node("#show-line-endings").getFont().getSize()});
        assertThat(widths[0] / widths[1]).isGreaterThan(20);

        window.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        window.await(() -> explanationSplit() == Orientation.HORIZONTAL, "the explanation beside it, the panel gone");
    }

    /** View ▸ Theme ▸ Projector, as a user chooses it, and the practice panel brought back where it stepped aside. */
    private void projectorThemeWithThePracticePanel() {
        window.click("View");
        window.moveTo("Theme");
        window.click("#theme-projector", org.testfx.robot.Motion.HORIZONTAL_FIRST);
        window.await(() -> stage().getScene().getRoot().getStyle().isEmpty()
                && window.node("#session-state").getScene() != null, "the projector theme");
        if (!window.shown("#practice-sections")) {
            window.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
            window.await(() -> window.robot().lookup("#practice-sections").tryQuery().isPresent(), "the practice panel");
        }
    }

    private Orientation explanationSplit() {
        return WindowDriver.onFx(() -> window.<SplitPane>node("#transcript-split").getOrientation());
    }

    /** The Mailboxes table's column headers not wholly in sight: cut by the table's edge or ending in an ellipsis. */
    private List<String> cutHeaders() {
        return WindowDriver.onFx(() -> {
            Parent root = stage().getScene().getRoot();
            root.applyCss();
            root.layout();
            Node table = window.node("#practice-mailboxes");
            Bounds visible = table.localToScene(table.getLayoutBounds());
            List<String> cut = new ArrayList<>();
            for (Node header : table.lookupAll(".column-header .label")) {
                Labeled label = (Labeled) header;
                Bounds bounds = label.localToScene(label.getLayoutBounds());
                String shown = shownText(label).orElse(label.getText());
                if (!shown.equals(label.getText()) || bounds.getMinX() < visible.getMinX() - 0.5
                        || bounds.getMaxX() > visible.getMaxX() + 0.5) {
                    cut.add("\"" + label.getText() + "\" shown as \"" + shown + "\" at " + bounds.getMinX() + "–"
                            + bounds.getMaxX() + ", the table " + visible.getMinX() + "–" + visible.getMaxX()
                            + " in a scene " + table.getScene().getWidth() + " wide");
                }
            }
            return cut;
        });
    }

    /** A quarter of the window: some six lines of the transcript at 200 %, the last replies in sight. */
    private static final double MINIMUM_TRANSCRIPT_SHARE = 0.25;

    /** The height of the transcript in front that the window shows, as a share of the window's height. */
    private double transcriptShare() {
        return WindowDriver.onFx(() -> {
            Parent root = stage().getScene().getRoot();
            root.applyCss();
            root.layout();
            Bounds scene = root.localToScene(root.getLayoutBounds());
            double shown = window.robot().lookup("#transcript").queryAll().stream()
                    .filter(LayoutWindowTest::showing)
                    .mapToDouble(node -> {
                        Bounds bounds = node.localToScene(node.getLayoutBounds());
                        return Math.max(0, Math.min(bounds.getMaxY(), scene.getMaxY()) - Math.max(bounds.getMinY(), scene.getMinY()));
                    }).max().orElse(0);
            return shown / scene.getHeight();
        });
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void resize(double width, double height) {
        WindowDriver.onFx(() -> {
            Stage stage = stage();
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        window.await(() -> WindowDriver.onFx(() -> stage().getScene().getWidth() == width
                && stage().getScene().getHeight() == height), "the window at " + width + "×" + height);
    }

    private void openTheWindow(double width, double height) throws Exception {
        PracticeServerSource onFreePorts = () -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0);
        window = new WindowDriver(temp.resolve("config"), Optional.empty(), Optional.of(onFreePorts));
        window.awaitState(SmtpPhase.GREETED.description());
        sizeBefore = WindowDriver.onFx(() -> new double[] {stage().getWidth(), stage().getHeight()});
        WindowDriver.onFx(() -> {
            Stage stage = stage();
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        window.await(() -> window.robot().lookup("#practice-sections").tryQuery().isPresent(), "the practice panel");
    }

    /** Each main view in turn, with what is cut in each, as "view: label text → shown text". */
    private List<String> walkTheViews() throws Exception {
        List<String> cut = new ArrayList<>();
        // an SMTP session after EHLO, with the MAIL form open
        window.type("#command-line", "EHLO client.example.test");
        window.robot().push(KeyCode.ENTER);
        window.awaitState(SmtpPhase.READY.description());
        window.click("#step-MAIL");
        window.await(() -> window.robot().lookup("#step-send").tryQuery().isPresent(), "the MAIL form");
        cut.addAll(cutLabels("SMTP session"));
        for (String tab : List.of("practice-tab-faults", "practice-tab-connections", "practice-tab-mailboxes")) {
            selectPanelTab(tab);
            cut.addAll(cutLabels(tab));
        }

        // a POP3 session, not connected, with the USER form open
        window.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
        window.await(() -> window.robot().lookup("#step-USER").tryQuery().isPresent(), "the POP3 tab");
        cut.addAll(cutLabels("POP3 session"));

        // the MIME viewer with a multipart message
        Path file = temp.resolve("alternative.eml");
        Files.write(file, SampleMessages.get("alternative.eml").bytes());
        window.openMessageFromTheMenu(file);
        window.await(() -> window.robot().lookup("#mime-tree").tryQuery().isPresent(), "the MIME viewer");
        cut.addAll(cutLabels("MIME viewer"));
        return cut;
    }

    private void selectPanelTab(String id) {
        WindowDriver.onFx(() -> {
            TabPane sections = window.node("#practice-sections");
            sections.getTabs().stream().filter(tab -> id.equals(tab.getId())).findFirst()
                    .ifPresent(tab -> sections.getSelectionModel().select(tab));
            return null;
        });
    }

    /** The labels a user sees in the window now whose shown text is not their whole text. */
    private List<String> cutLabels(String view) {
        return WindowDriver.onFx(() -> {
            Parent root = stage().getScene().getRoot();
            root.applyCss();
            root.layout();
            List<String> found = new ArrayList<>();
            collectCut(root, root.localToScene(root.getLayoutBounds()), view, found);
            return found;
        });
    }

    private static void collectCut(Node node, Bounds window, String view, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        // table and list cells are left out: a cell cut at its column's edge is a known limit (the column can be
        // widened); what this test guards is the window's own words
        if (node instanceof Labeled labeled && !(node instanceof IndexedCell) && labeled.getText() != null && !labeled.getText().isEmpty()
                && window.intersects(labeled.localToScene(labeled.getLayoutBounds()))) {
            shownText(labeled).filter(shown -> !shown.equals(labeled.getText())
                            && !(labeled.isMnemonicParsing() && shown.equals(labeled.getText().replace("_", ""))))
                    .ifPresent(shown -> found.add(view + ": " + labeled.getClass().getSimpleName()
                            + (labeled.getId() == null ? "" : " #" + labeled.getId())
                            + " \"" + labeled.getText() + "\" → \"" + shown + "\""));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectCut(child, window, view, found));
        }
    }

    /** The text the label's skin draws: its own text, or the part of it that fits with an ellipsis. */
    private static Optional<String> shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream()
                .filter(child -> child instanceof Text && child.getStyleClass().contains("text"))
                .map(child -> ((Text) child).getText()).findFirst();
    }

    private Stage stage() {
        return (Stage) window.robot().listWindows().stream().filter(Stage.class::isInstance)
                .filter(w -> "Mailbench".equals(((Stage) w).getTitle())).findFirst().orElseThrow();
    }
}
