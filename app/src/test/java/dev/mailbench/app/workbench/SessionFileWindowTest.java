package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.mailbench.app.ladder.LadderView;
import dev.mailbench.app.ladder.LadderViewModel;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.smtp.SmtpPhase;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Save Session and Open Session in the real window, after a real STARTTLS and AUTH with the practice
 * server: the read-only tab shows the same lines, in the same colours, with the same explanation, under a banner
 * that says where it comes from; a file cut short opens with what it holds and a warning.
 */
class SessionFileWindowTest {

    private static final String PLAIN = Base64.getEncoder()
            .encodeToString("\0alice\0alice-pass".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path temp;

    private WindowDriver window;

    @BeforeEach
    void openTheWindowWithThePracticeServer() throws Exception {
        window = new WindowDriver(temp.resolve("config"), Optional.empty(),
                Optional.of(() -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0)));
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        window.close();
    }

    @Test
    void aSavedSessionReopensAsItWasLiveAndABrokenOneSaysSo() throws Exception {
        window.awaitState(SmtpPhase.GREETED.description());
        window.step("EHLO");
        window.awaitState(SmtpPhase.READY.description());
        window.step("STARTTLS");
        window.awaitState(SmtpPhase.GREETED.description());
        window.step("EHLO");
        window.awaitState(SmtpPhase.READY.description());
        WindowDriver.onFx(() -> {
            ((TextField) window.node("#command-line")).setText("AUTH PLAIN " + PLAIN);
            return null;
        });
        window.click("#command-line").robot().push(KeyCode.END).push(KeyCode.ENTER);
        int authenticated = window.awaitLine(line -> line.contains("S: 235 "), "the 235 to AUTH");
        String port = window.text("#practice-summary").replaceFirst("^Running: SMTP 127\\.0\\.0\\.1:(\\d+).*$", "$1");
        Node live = selectedTab();
        List<String> liveLines = lines(live);
        List<List<String>> liveStyles = styles(live, liveLines.size());
        String liveExplanation = explanationOf(live, authenticated);
        assertThat(liveLines).anyMatch(line -> line.endsWith("C: AUTH PLAIN ••••••"));

        Path file = temp.resolve("lesson.mbsession");
        window.answerSaveWith(file);
        window.clickMenu("File", "Save Session…");
        window.await(() -> window.robot().lookup("#keep-passwords").tryQuery().isPresent(), "the save dialog");
        assertThat(window.shown("#keep-passwords-warning")).isFalse();
        window.click("Save…");
        window.await(() -> window.text("#status").startsWith("Saved the session"), "the session saved");
        assertThat(Files.readString(file)).doesNotContain(PLAIN).contains("\"format\": \"mailbench-session\"");

        window.answerOpenWith(file);
        window.clickMenu("File", "Open Session…");
        window.await(() -> selectedTab() instanceof SavedSessionView view && pane(view).size() == liveLines.size(),
                "the saved session in its tab");
        Node reopened = selectedTab();
        assertThat(label(reopened, "#saved-session-banner"))
                .matches("Saved session from \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d, 127\\.0\\.0\\.1:" + port + " — read-only");
        assertThat(WindowDriver.onFx(() -> reopened.lookup("#saved-session-problems").isVisible())).isFalse();
        assertThat(WindowDriver.onFx(() -> reopened.lookup("#command-line"))).isNull();
        assertThat(lines(reopened)).isEqualTo(liveLines);
        assertThat(styles(reopened, liveLines.size())).isEqualTo(liveStyles);
        assertThat(explanationOf(reopened, authenticated)).isEqualTo(liveExplanation).contains("235");

        // the ladder, toggled in the read-only tab: the arrows as they were live, the selected line's arrow selected,
        // and an arrow selects its line
        LadderView ladder = ((SavedSessionView) reopened).ladder();
        LadderViewModel rows = ladder.model();
        window.click(WindowDriver.onFx(() -> reopened.lookup("#toggle-ladder")));
        window.await(() -> ladder.getScene() != null && rows.size() > 0, "the reopened session's ladder");
        List<String> labels = WindowDriver.onFx(() -> IntStream.range(0, rows.size()).mapToObj(i -> rows.row(i).label())
                .toList());
        assertThat(labels).containsSubsequence("220", "EHLO", "250", "STARTTLS", "220 2.0.0", "TLS starts", "EHLO",
                "250", "AUTH", "235 2.7.0");
        assertThat(WindowDriver.onFx(() -> rows.selectedProperty().get())).isEqualTo(labels.indexOf("235 2.7.0"));
        int ehlo = labels.lastIndexOf("EHLO");
        WindowDriver.onFx(() -> {
            ladder.show(ehlo);
            return null;
        });
        window.await(() -> ladder.cellOf(ehlo).isPresent(), "EHLO's arrow drawn");
        window.click(WindowDriver.onFx(() -> ladder.cellOf(ehlo).orElseThrow()));
        int ehloLine = WindowDriver.onFx(() -> rows.lineOfRow(ehlo));
        window.await(() -> pane(reopened).isSelected(ehloLine), "EHLO's line selected in the reopened transcript");
        assertThat(lines(reopened).get(ehloLine)).contains("C: EHLO ");

        String whole = Files.readString(file);
        Path cut = temp.resolve("cut.mbsession");
        Files.writeString(cut, whole.substring(0, whole.indexOf("STARTTLS") + 4));
        window.answerOpenWith(cut);
        window.clickMenu("File", "Open Session…");
        window.await(() -> selectedTab() instanceof SavedSessionView view && view.viewModel().file().equals(cut),
                "the cut session in its tab");
        Node broken = selectedTab();
        assertThat(WindowDriver.onFx(() -> broken.lookup("#saved-session-problems").isVisible())).isTrue();
        assertThat(label(broken, "#saved-session-problems")).startsWith("This file is not whole")
                .contains("ends too soon");
        assertThat(lines(broken)).isNotEmpty().isEqualTo(liveLines.subList(0, lines(broken).size()));
    }

    private Node selectedTab() {
        return WindowDriver.onFx(() -> ((TabPane) window.node("#session-tabs")).getSelectionModel().getSelectedItem()
                .getContent());
    }

    /** The tab's transcript pane (not looked up: a split pane has its items as children once its skin is made). */
    private static TranscriptPane pane(Node tab) {
        return tab instanceof SavedSessionView saved ? saved.transcript() : ((SessionView) tab).transcript();
    }

    private static String label(Node tab, String query) {
        return WindowDriver.onFx(() -> ((Label) tab.lookup(query)).getText());
    }

    /** Each line as its row shows it. */
    private static List<String> lines(Node tab) {
        return WindowDriver.onFx(() -> {
            TranscriptPane pane = pane(tab);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < pane.size(); i++) {
                lines.add(pane.lineText(i));
            }
            return lines;
        });
    }

    /** The style classes of each line's pieces, read from its row, scrolled into view. */
    private static List<List<String>> styles(Node tab, int count) {
        return WindowDriver.onFx(() -> {
            TranscriptPane pane = pane(tab);
            List<List<String>> styles = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Node row = row(pane, i);
                styles.add(row.lookupAll(".text").stream().filter(Text.class::isInstance)
                        .map(text -> String.join(" ", text.getStyleClass())).toList());
            }
            return styles;
        });
    }

    private static Node row(TranscriptPane pane, int index) {
        pane.showLine(index);
        pane.applyCss();
        pane.layout();
        return pane.rowOf(index).orElseThrow(() -> new AssertionError("no row shows line " + index));
    }

    /** Clicks a line and reads its explanation: title, sentences and fields, as the pane beside shows them. */
    private String explanationOf(Node tab, int index) {
        Point2D point = WindowDriver.onFx(() -> {
            Node row = row(pane(tab), index);
            Bounds bounds = row.getLayoutBounds();
            return row.localToScreen(Math.min(bounds.getWidth() - 2, 60), bounds.getHeight() / 2);
        });
        window.robot().clickOn(point);
        WaitForAsyncUtils.waitForFxEvents();
        window.await(() -> pane(tab).isSelected(index), "line " + index + " selected");
        return WindowDriver.onFx(() -> tab.lookup("#explanation").lookupAll(".label").stream()
                .filter(Label.class::isInstance).map(label -> ((Label) label).getText()).toList().toString());
    }
}
