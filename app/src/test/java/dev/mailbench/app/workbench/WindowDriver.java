package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import dev.mailbench.app.AppContext;
import dev.mailbench.app.MailbenchApp;
import dev.mailbench.app.dialog.FileChoosers;
import dev.mailbench.app.practice.PracticeServerSource;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.session.Prefill;
import dev.mailbench.app.session.SessionServices;
import dev.mailbench.app.task.FxTaskExecutor;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.robot.BaseRobot;
import org.testfx.robot.Motion;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, started headless with a server of the test's choosing for its first tab, and what a
 * test does with it: click, type, wait for what a user would wait for, read what a user reads.
 */
public final class WindowDriver implements AutoCloseable {

    private static final long WAIT_SECONDS = 20;

    private final FxRobot robot = new FxRobot();
    private final Application app;
    private final List<Path> saveAnswers = new ArrayList<>();
    private int lineClicks;
    private final List<Path> openAnswers = new ArrayList<>();

    public WindowDriver(Path configDirectory, Optional<ConnectionSettings> firstSession) throws TimeoutException {
        this(configDirectory, firstSession, Optional.empty());
    }

    /** The window with its practice server configured by {@code practiceServer} (port 0, a temporary directory). */
    public WindowDriver(Path configDirectory, Optional<ConnectionSettings> firstSession,
                        Optional<PracticeServerSource> practiceServer) throws TimeoutException {
        this(configDirectory, firstSession, practiceServer, Optional.empty());
    }

    /** The window open on a lesson, as {@code mailbench --lesson ID} opens it. */
    public WindowDriver(Path configDirectory, Optional<ConnectionSettings> firstSession,
                        Optional<PracticeServerSource> practiceServer, Optional<String> lesson) throws TimeoutException {
        this(configDirectory, firstSession, practiceServer, lesson, Optional.empty());
    }

    /** The window opened on a message or session file, as {@code mailbench FILE} (the desktop's double click) opens it. */
    public WindowDriver(Path configDirectory, Optional<ConnectionSettings> firstSession,
                        Optional<PracticeServerSource> practiceServer, Optional<String> lesson, Optional<Path> opened)
            throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        SessionServices services = new SessionServices(new FxTaskExecutor(), Catalogue.english(),
                ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(15)),
                Prefill.classroom(), System::nanoTime);
        FileChoosers files = new FileChoosers() {
            @Override
            public Optional<Path> saveFile(Window owner, String title, String suggestedName, String extension) {
                return saveAnswers.isEmpty() ? Optional.empty() : Optional.of(saveAnswers.remove(0));
            }

            @Override
            public Optional<Path> openFile(Window owner, String title) {
                return openAnswers.isEmpty() ? Optional.empty() : Optional.of(openAnswers.remove(0));
            }
        };
        AppContext context = new AppContext(services, configDirectory, firstSession, files, practiceServer);
        app = FxToolkit.setupApplication(() -> new MailbenchApp(context, lesson, opened));
    }

    public FxRobot robot() {
        return robot;
    }

    /** The answer the next Save dialog gives. */
    public void answerSaveWith(Path file) {
        saveAnswers.add(file);
    }

    /** The answer the next Open dialog gives. */
    public void answerOpenWith(Path file) {
        openAnswers.add(file);
    }

    /** Opens {@code file} with File ▸ Open Message…, as a user does: the Open dialog answers with it. */
    public WindowDriver openMessageFromTheMenu(Path file) {
        answerOpenWith(file);
        return click("File").click("#menu-open-message");
    }

    /**
     * Clicks the first visible node the query finds (a CSS selector, or the text of a label, button or menu item),
     * in its middle. Where that is, is worked out on the UI thread: reading a node's bounds computes and caches
     * them in the scene graph, so reading them on this thread while a pulse lays the window out corrupts the
     * parents' bounds caches ({@code IndexOutOfBoundsException} in {@code Parent.updateCachedBounds} at a later
     * pulse). {@link FxRobot#clickOn(String, MouseButton...)} reads them on the calling thread; never use it here.
     */
    public WindowDriver click(String query) {
        robot.clickOn(pointOf(query));
        return this;
    }

    /** Clicks as {@link #click(String)}, the mouse going there as {@code motion} says (e.g. along a submenu). */
    public WindowDriver click(String query, Motion motion) {
        robot.clickOn(pointOf(query), motion);
        return this;
    }

    /** Clicks the middle of {@code node}, worked out on the UI thread as in {@link #click(String)}. */
    public WindowDriver click(Node node) {
        robot.clickOn(pointOf(robot, node));
        return this;
    }

    /** The middle of {@code node} on the screen, read on the UI thread. */
    public static Point2D pointOf(FxRobot robot, Node node) {
        return onFx(() -> settled(robot, node));
    }

    /**
     * The middle of {@code node} once the window has laid out what it was last told: a state change restyles and
     * reflows the step buttons only at the next pulse, and a point read before it can land on a neighbour.
     */
    private static Point2D settled(FxRobot robot, Node node) {
        if (node.getScene() != null) {
            node.getScene().getRoot().applyCss();
            node.getScene().getRoot().layout();
        }
        return robot.point(node).query();
    }

    /** Clicks a menu of the menu bar, then one of its items. */
    public WindowDriver clickMenu(String menu, String item) {
        return click(menu).click(item);
    }

    /** Moves the mouse onto the node the query finds, e.g. to open a submenu. */
    public WindowDriver moveTo(String query) {
        robot.moveTo(pointOf(query));
        return this;
    }

    private Point2D pointOf(String query) {
        return pointOf(robot, query);
    }

    /**
     * The middle of the first visible node the query finds, on the screen; read on the UI thread, for tests that
     * click with their own robot ({@link #click(String)} says why).
     */
    public static Point2D pointOf(FxRobot robot, String query) {
        // as a user does, wait for it to show first (a tab's content, a form, comes a pulse after the click before)
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                    () -> onFx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery().isPresent()));
        } catch (TimeoutException e) {
            throw new AssertionError("no visible node for \"" + query + "\" within " + WAIT_SECONDS + " s", e);
        }
        return onFx(() -> {
            Node node = robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery()
                    .orElseThrow(() -> new AssertionError("no visible node for \"" + query + "\""));
            return settled(robot, node);
        });
    }

    /** Clicks a step button and then the form's Send, as a user does. */
    public WindowDriver step(String verb) {
        click("#step-" + verb);
        await(() -> robot.lookup("#step-send").tryQuery().isPresent(), "the form of " + verb);
        click("#step-send");
        return this;
    }

    public WindowDriver type(String query, String text) {
        click(query);
        return write(text);
    }

    /**
     * Types {@code text} into the focused window as key events, as {@link FxRobot#write(String)} does, but
     * waits for the FX thread once after the last character instead of after each one: the events are queued
     * in order, so what the window receives is the same.
     */
    public WindowDriver write(String text) {
        Scene scene = robot.targetWindow().getScene();
        BaseRobot keys = robot.robotContext().getBaseRobot();
        text.chars().forEach(c -> keys.typeKeyboard(scene, keyCodeOf((char) c), String.valueOf((char) c)));
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    private static KeyCode keyCodeOf(char c) {
        return switch (c) {
            case '\n' -> KeyCode.ENTER;
            case '\t' -> KeyCode.TAB;
            default -> KeyCode.UNDEFINED;
        };
    }

    /** Replaces a text field's content with {@code text}, typed. */
    public WindowDriver retype(String query, String text) {
        robot.doubleClickOn(pointOf(query));
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.eraseText(1);
        return write(text);
    }

    public String text(String query) {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    public Collection<String> styleClasses(String query) {
        return onFx(() -> List.copyOf(robot.lookup(query).query().getStyleClass()));
    }

    /** Whether the node and all its parents are visible: what a user can see. */
    public boolean shown(String query) {
        return onFx(() -> {
            Optional<Node> found = robot.lookup(query).tryQuery();
            if (found.isEmpty()) {
                return false;
            }
            for (Node node = found.get(); node != null; node = node.getParent()) {
                if (!node.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The node the query finds, looked up on the UI thread. */
    public <T extends Node> T node(String query) {
        return onFx(() -> robot.lookup(query).<T>query());
    }

    /** Waits until the session's state reads {@code state}, for a server answers when it answers. */
    public void awaitState(String state) {
        await(() -> robot.lookup("#session-state").tryQueryAs(Label.class)
                .map(label -> label.getText().equals(state)).orElse(false), "state \"" + state + "\"");
    }

    /** Waits until a transcript line satisfies the predicate, and returns its index. */
    public int awaitLine(Predicate<String> line, String description) {
        int[] found = {-1};
        await(() -> {
            List<String> lines = transcriptLines();
            for (int i = 0; i < lines.size(); i++) {
                if (line.test(lines.get(i))) {
                    found[0] = i;
                    return true;
                }
            }
            return false;
        }, description);
        return found[0];
    }

    /** The transcript's lines, each as its row shows it. */
    public List<String> transcriptLines() {
        return onFx(() -> {
            TranscriptPane pane = transcriptPane();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < pane.size(); i++) {
                lines.add(pane.lineText(i));
            }
            return lines;
        });
    }

    /** The style classes of a transcript line's own text (its last piece), read from its row, scrolled into view. */
    public Collection<String> lineStyle(int index) {
        return onFx(() -> {
            List<Text> texts = lineTexts(index);
            return texts.get(texts.size() - 1).getStyleClass().stream().filter(style -> !style.equals("text")).toList();
        });
    }

    /** The text nodes of a transcript line's row, scrolled into view first. UI thread. */
    public List<Text> lineTexts(int index) {
        Node row = lineRow(index).orElseThrow(() -> new AssertionError("no row shows line " + index));
        return row.lookupAll(".text").stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    /** The row showing line {@code index}, scrolled into view and laid out first. UI thread. */
    private Optional<Node> lineRow(int index) {
        TranscriptPane pane = transcriptPane();
        pane.showLine(index);
        pane.applyCss();
        pane.layout();
        return pane.rowOf(index);
    }

    /**
     * Clicks a transcript line, scrolled into view first, as a user clicks a line to have it explained: on its
     * row, a little to the right of the click before (two clicks at one point soon after each other would be a
     * double click).
     */
    public void clickLine(int index) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Point2D> target = onFx(() -> lineRow(index).map(row -> {
                Bounds bounds = row.getLayoutBounds();
                double x = Math.min(bounds.getWidth() - 2, 40 + 25 * (lineClicks++ % 8));
                return row.localToScreen(x, bounds.getHeight() / 2);
            }));
            if (target.isPresent()) {
                robot.clickOn(target.get());
                WaitForAsyncUtils.waitForFxEvents();
                if (onFx(() -> transcriptPane().isSelected(index))) {
                    return;
                }
            }
        }
        throw new AssertionError("could not click transcript line " + index);
    }

    /** The rows of the transcript in the tab in front (id {@code transcript}). */
    public Node transcript() {
        return robot.lookup("#transcript").query();
    }

    /** The transcript pane in the tab in front. */
    public TranscriptPane transcriptPane() {
        return paneOf(transcript());
    }

    /** The transcript pane a row list (such as {@code #server-transcript}) belongs to. */
    public static TranscriptPane paneOf(Node rows) {
        Node node = rows;
        while (!(node instanceof TranscriptPane)) {
            node = node.getParent();
        }
        return (TranscriptPane) node;
    }

    /** Waits, checking on the UI thread, until {@code condition} holds. */
    public void await(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("waited " + WAIT_SECONDS + " s for " + what + "; transcript:\n"
                    + String.join("\n", safeLines()), e);
        }
    }

    private List<String> safeLines() {
        try {
            return transcriptLines();
        } catch (RuntimeException e) {
            return List.of("(no transcript: " + e + ")");
        }
    }

    /** Runs {@code work} on the JavaFX thread and returns its result; at once when called there. */
    public static <T> T onFx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }

    public void assertStep(String verb, String styleClass) {
        assertThat(styleClasses("#step-" + verb)).as("step %s", verb).contains(styleClass);
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
    }
}
