package dev.mailbench.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.mailbench.app.practice.PracticeServerSource;
import dev.mailbench.app.workbench.WindowDriver;
import dev.mailbench.app.workbench.WindowLines;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.lesson.Lesson;
import dev.mailbench.lesson.LessonLibrary;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.smtp.SmtpPhase;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson panel as a student uses it, in the window with its practice server: {@code first-smtp} done with the
 * step buttons (a hint or two, Show me for the first step, RCPT before MAIL on the way), then again, after Reset, by
 * typing in the command line; the progress still there in a new window on the same configuration directory; and,
 * reset there, the whole lesson done by Show me.
 */
class LessonPanelWindowTest {

    @TempDir
    Path temp;

    private final Catalogue catalogue = Catalogue.english();
    private final Lesson firstSmtp = LessonLibrary.builtIn(Locale.ROOT).lesson("first-smtp").orElseThrow();
    private WindowDriver window;

    private void openTheWindow() throws Exception {
        openTheWindow("first-smtp");
    }

    private void openTheWindow(String lesson) throws Exception {
        PracticeServerSource onFreePorts = () -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig()
                .withPorts(0, 0);
        window = new WindowDriver(temp.resolve("config"), Optional.empty(), Optional.of(onFreePorts),
                Optional.of(lesson));
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void theLessonsHeaderSpeaksToAStudentAndKeepsItsSourceForATeacher() throws Exception {
        openTheWindow();
        window.await(() -> window.shown("#lesson-meta"), "the lesson's header");

        String meta = window.text("#lesson-meta");
        assertThat(meta).as("the line a student reads under the lesson's name")
                .contains("Beginner", "about 15 min").doesNotContain("walkthrough", "000", "fig.");
        String tooltip = WindowDriver.onFx(() -> window.<Label>node("#lesson-meta").getTooltip().getText());
        assertThat(tooltip).contains("walkthrough 000 fig. 3, 003");
        window.await(() -> window.shown("#lesson-source"), "the source in the introduction");
        assertThat(window.text("#lesson-source")).contains("walkthrough 000 fig. 3, 003");
    }

    @Test
    void aWidthTheUserGaveThePanelGrowsWithTheZoomInsteadOfGoingBack() throws Exception {
        openTheWindow();
        window.await(() -> window.shown("#lesson-meta"), "the lesson panel");
        double placed = panelWidth();
        Node split = window.node("#workbench-split");
        Node divider = WindowDriver.onFx(() -> split.lookupAll(".split-pane-divider").stream()
                .filter(node -> node.getParent() == split).findFirst().orElseThrow());

        window.robot().drag(WindowDriver.pointOf(window.robot(), divider), javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(90, 0).drop();
        window.await(() -> panelWidth() > placed + 60, "the panel dragged wider");
        double given = panelWidth();

        window.robot().push(KeyCode.CONTROL, KeyCode.PLUS);
        window.await(() -> panelWidth() > given + 10, "the panel wider with the larger text");
        assertThat(panelWidth()).as("the width the user gave, in proportion to the text").isGreaterThan(given);
    }

    private double panelWidth() {
        return WindowDriver.onFx(() -> window.node("#lesson-panel").getBoundsInParent().getWidth());
    }

    @Test
    void inTheProjectorThemeAnAddressInTheLessonTextWrapsOnlyAtSpaces() throws Exception {
        openTheWindow();
        // the primary stage outlives this test: its size is given back for the window tests that follow
        javafx.stage.Stage stage = WindowDriver.onFx(() -> (javafx.stage.Stage) window.node("#lesson-meta").getScene().getWindow());
        double[] before = WindowDriver.onFx(() -> new double[] {stage.getWidth(), stage.getHeight()});
        try {
            WindowDriver.onFx(() -> {
                stage.setWidth(1024);
                stage.setHeight(768);
                return null;
            });
            assertNoAddressIsSplitInTheProjectorTheme();
        } finally {
            WindowDriver.onFx(() -> {
                stage.setWidth(before[0]);
                stage.setHeight(before[1]);
                return null;
            });
        }
    }

    private void assertNoAddressIsSplitInTheProjectorTheme() {
        window.click("View");
        window.moveTo("Theme");
        window.click("#theme-projector", org.testfx.robot.Motion.HORIZONTAL_FIRST);
        window.await(() -> window.<Label>node("#lesson-meta").getFont().getSize() > 18, "the projector's text");
        // step 2, the envelope, names two addresses and two commands
        window.type("#command-line", "HELO client.example.test\n");
        window.await(() -> window.text("#lesson-position").equals("Step 2 of 5"), "step 2");

        List<String> split = WindowDriver.onFx(() -> {
            javafx.scene.Parent root = window.node("#lesson-meta").getScene().getRoot();
            root.applyCss();
            root.layout();
            List<String> found = new java.util.ArrayList<>();
            for (Node node : window.robot().lookup(".lesson-text").queryAll()) {
                for (Node flow : node.lookupAll("TextFlow")) {
                    found.addAll(wordsSplitAcrossLines((javafx.scene.text.TextFlow) flow));
                }
            }
            return found;
        });
        assertThat(split).as("addresses and commands broken mid-word").isEmpty();
    }

    /** The words with an address or a {@code <…>} in them that the flow draws on more than one line. */
    private static List<String> wordsSplitAcrossLines(javafx.scene.text.TextFlow flow) {
        StringBuilder text = new StringBuilder();
        flow.getChildren().forEach(child -> text.append(child instanceof javafx.scene.text.Text t ? t.getText() : ""));
        List<String> split = new java.util.ArrayList<>();
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("\\S*[<@]\\S*").matcher(text);
        while (words.find()) {
            java.util.Set<Double> lines = new java.util.TreeSet<>();
            for (javafx.scene.shape.PathElement element : flow.rangeShape(words.start(), words.end())) {
                if (element instanceof javafx.scene.shape.MoveTo move) {
                    lines.add(Math.floor(move.getY()));
                }
            }
            if (lines.size() > 1) {
                split.add(words.group() + " on " + lines.size() + " lines");
            }
        }
        return split;
    }

    @Test
    void firstSmtpIsDoneByButtonsAndByTypingAndItsProgressOutlivesTheWindow() throws Exception {
        openTheWindow();
        window.awaitState(SmtpPhase.GREETED.description());
        awaitAnnouncement("Step 1 of 5, Connect and say hello: waiting for you.");
        assertThat(accessibleText("#lesson-instructions .lesson-text")).isEqualTo(firstSmtp.steps().get(0).instructions().plain());

        // Hint: one more each press, none before the first; the keyboard's way (Alt+H) first, whose label changes
        // as it is pressed ("Hint (1 more)") and must still give one hint, not two
        assertThat(window.robot().lookup("#lesson-hint-1").tryQuery()).isEmpty();
        window.robot().push(KeyCode.ALT, KeyCode.H);
        window.await(() -> window.robot().lookup("#lesson-hint-1").tryQuery().isPresent(), "the first hint");
        WindowDriver.onFx(() -> null);   // whatever the key press queued has run
        assertThat(accessibleText("#lesson-hint-1")).isEqualTo(firstSmtp.steps().get(0).hints().get(0).plain());
        assertThat(window.robot().lookup("#lesson-hint-2").tryQuery()).as("one press, one hint").isEmpty();
        assertThat(WindowDriver.onFx(() -> window.<Button>node("#lesson-hint").getText())).isEqualTo("_Hint (1 more)");
        window.click("#lesson-hint");
        window.await(() -> window.robot().lookup("#lesson-hint-2").tryQuery().isPresent(), "the second hint");
        assertThat(accessibleText("#lesson-hint-2")).isEqualTo(firstSmtp.steps().get(0).hints().get(1).plain());
        assertThat(disabled("#lesson-hint")).as("the step has two hints: no third").isTrue();

        // Show me: the step done through the HELO button's action, and the step met
        window.click("#lesson-show-me");
        window.awaitLine(line -> line.endsWith("C: HELO client.example.test"), "HELO sent by Show me");
        awaitAnnouncement("Step 2 of 5, Give the envelope: waiting for you.");
        assertThat(window.robot().lookup("#lesson-hint-1").tryQuery()).as("the next step starts without hints").isEmpty();
        assertThat(doneTitles()).containsExactly("✓ 1. Connect and say hello");

        // RCPT before MAIL: the explained mistake, and the step stays unmet
        window.click("#step-RCPT");
        window.retype("#field-address", "alice@example.test");
        window.click("#step-send");
        window.awaitLine(line -> line.contains("S: 503 "), "the 503");
        awaitAnnouncement("Step 2 of 5, Give the envelope: The server answered 503 5.5.1 to RCPT: "
                + catalogue.smtpReply(503, "RCPT"));
        assertThat(window.styleClasses("#lesson-state")).contains(LessonPanel.MISTAKE);
        assertThat(window.text("#lesson-state")).as("what the student reads")
                .isEqualTo("The server answered 503 5.5.1 to RCPT: " + catalogue.smtpReply(503, "RCPT"));
        assertThat(window.text("#lesson-position")).isEqualTo("Step 2 of 5");

        // the rest by the step buttons
        window.step("MAIL");
        window.awaitState(SmtpPhase.MAIL_GIVEN.description());
        window.step("RCPT");   // the form opens as it was sent last: to alice
        awaitAnnouncement("Step 3 of 5, Type the message: waiting for you.");
        assertThat(window.styleClasses("#lesson-state")).contains(LessonPanel.WAITING).doesNotContain(LessonPanel.MISTAKE);
        window.click("#step-DATA");
        window.click("#composer-send");
        awaitAnnouncement("Step 4 of 5, Say goodbye: waiting for you.");
        window.step("QUIT");
        awaitAnnouncement("Step 5 of 5, Read it over POP3: waiting for you.");
        window.robot().push(KeyCode.CONTROL, KeyCode.W);
        window.clickMenu("File", "New POP3 Session");
        window.awaitState(Pop3Phase.AUTHORIZATION.description());
        window.step("USER");
        window.awaitLine(line -> line.endsWith("C: USER alice"), "USER");
        window.click("#step-PASS");
        window.type("#field-password", "alice-pass");
        window.click("#step-send");
        window.awaitState(Pop3Phase.TRANSACTION.description());
        window.step("RETR");
        awaitAnnouncement("Lesson complete: all 5 steps done.");
        assertThat(doneTitles()).hasSize(5);
        assertThat(accessibleText("#lesson-done .lesson-text")).isEqualTo(firstSmtp.steps().get(0).seen().plain());

        // Reset, and the same by typing in the command line
        window.click("#lesson-reset");
        awaitAnnouncement("Step 1 of 5, Connect and say hello: waiting for you.");
        assertThat(doneTitles()).isEmpty();
        window.robot().push(KeyCode.CONTROL, KeyCode.W);
        window.clickMenu("File", "New SMTP Session");
        window.awaitState(SmtpPhase.GREETED.description());
        enter("HELO client.example.test");
        awaitAnnouncement("Step 2 of 5, Give the envelope: waiting for you.");
        enter("MAIL FROM:<bob@example.test>");
        enter("RCPT TO:<alice@example.test>");
        enter("DATA");
        window.awaitState(SmtpPhase.DATA_INPUT.description());
        enter("Subject: typed by hand");
        enter("");
        enter("Hello Alice.");
        enter(".");
        awaitAnnouncement("Step 4 of 5, Say goodbye: waiting for you.");
        enter("QUIT");
        awaitAnnouncement("Step 5 of 5, Read it over POP3: waiting for you.");
        window.robot().push(KeyCode.CONTROL, KeyCode.W);
        window.clickMenu("File", "New POP3 Session");
        window.awaitState(Pop3Phase.AUTHORIZATION.description());
        enter("USER alice");
        enter("PASS alice-pass");
        window.awaitState(Pop3Phase.TRANSACTION.description());
        enter("RETR 2");
        window.awaitLine(line -> line.endsWith("S: Subject: typed by hand"), "the typed message");
        awaitAnnouncement("Step 5 of 5, Read it over POP3: waiting for you.");
        enter("RETR 1");
        awaitAnnouncement("Lesson complete: all 5 steps done.");
        Path progress = temp.resolve("config").resolve("lesson-progress");
        window.await(() -> Files.exists(progress) && Files.readString(progress).contains("first-smtp: 1 2 3 4 5"),
                "the progress saved");

        // a new window on the same configuration directory: the lesson is still complete
        window.close();
        window = null;
        openTheWindow();
        awaitAnnouncement("Lesson complete: all 5 steps done.");
        assertThat(doneTitles()).hasSize(5);

        // Reset, and Show me all the way: new tabs where a step needs a connection or the other protocol
        window.click("#lesson-reset");
        awaitAnnouncement("Step 1 of 5, Connect and say hello: waiting for you.");
        String[] next = {"Step 2 of 5, Give the envelope", "Step 3 of 5, Type the message", "Step 4 of 5, Say goodbye",
                "Step 5 of 5, Read it over POP3"};
        for (String step : next) {
            window.click("#lesson-show-me");
            awaitAnnouncement(step + ": waiting for you.");
        }
        window.click("#lesson-show-me");
        awaitAnnouncement("Lesson complete: all 5 steps done.");
        assertThat(window.transcriptLines().stream().map(WindowLines::wire).filter(line -> line.startsWith("C: "))
                .map(line -> line.startsWith("C: PASS ") ? "C: PASS (masked)" : line))
                .as("the POP3 tab Show me opened").containsExactly("C: USER alice", "C: PASS (masked)", "C: RETR 1");
    }

    @Test
    void aTeachersOwnLessonRunsFromTheLessonsFolderAndABrokenOneIsListedWithWhereItIsWrong() throws Exception {
        Path lessons = Files.createDirectories(temp.resolve("config").resolve("lessons"));
        String own = "# Say hello twice\n```lesson\nid: hello-twice\nlevel: beginner\nprotocols: SMTP\nminutes: 5\n"
                + "walkthrough: 000\n```\n## Say hello\nGreet the server with HELO.\n```check\nreply: HELO 250\n```\n"
                + "A hint.\n";
        Files.writeString(lessons.resolve("hello-twice.md"), own);
        Files.writeString(lessons.resolve("typo.md"), own.replace("hello-twice", "typo").replace("HELO 250", "HELO 2500"));

        openTheWindow("hello-twice");
        window.awaitState(SmtpPhase.GREETED.description());
        awaitAnnouncement("Step 1 of 1, Say hello: waiting for you.");
        enter("HELO client.example.test");
        window.await(() -> accessibleText("#lesson-state").startsWith("Lesson complete"), "the lesson complete");

        window.click("#lesson-choice");
        window.await(() -> window.robot().lookup(".lesson-broken").tryQuery().isPresent(), "the broken lesson listed");
        String broken = WindowDriver.onFx(() -> window.robot().lookup(".lesson-broken").queryAs(ListCell.class).getText());
        assertThat(broken).startsWith("typo (broken: typo.md:12: bad reply code \"2500\"");
        window.robot().push(KeyCode.ESCAPE);
    }

    /** Types a line into the command line and presses Enter (the text put in at once: typing is CommandLineTest's). */
    private void enter(String line) {
        WindowDriver.onFx(() -> {
            TextField field = window.node("#command-line");
            field.requestFocus();
            field.setText(line);
            field.end();
            return null;
        });
        window.robot().push(KeyCode.ENTER);
        // a password is masked in the transcript
        String shown = line.startsWith("PASS ") ? "C: PASS " : "C: " + line;
        window.await(() -> window.transcriptLines().stream().map(WindowLines::wire)
                .anyMatch(wire -> line.startsWith("PASS ") ? wire.startsWith(shown) : wire.equals(shown)), "the line " + line);
    }

    private void awaitAnnouncement(String text) {
        try {
            window.await(() -> text.equals(accessibleText("#lesson-state")), "\"" + text + "\"");
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "; the panel says \"" + accessibleText("#lesson-state") + "\"", e);
        }
    }

    private String accessibleText(String query) {
        return WindowDriver.onFx(() -> window.<Node>node(query).getAccessibleText());
    }

    private boolean disabled(String query) {
        return WindowDriver.onFx(() -> window.<Node>node(query).isDisabled());
    }

    private List<String> doneTitles() {
        return WindowDriver.onFx(() -> window.robot().lookup(".lesson-done-title").queryAllAs(Label.class)
                .stream().map(Label::getText).toList());
    }
}
