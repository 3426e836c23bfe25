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
import dev.mailbench.app.practice.PracticeServerSource;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.session.Prefill;
import dev.mailbench.app.session.SessionServices;
import dev.mailbench.app.task.FxTaskExecutor;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;

import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
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
        app = FxToolkit.setupApplication(() -> new MailbenchApp(context));
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

    public WindowDriver click(String query) {
        robot.clickOn(query);
        return this;
    }

    /** Clicks a step button and then the form's Send, as a user does. */
    public WindowDriver step(String verb) {
        click("#step-" + verb);
        await(() -> robot.lookup("#step-send").tryQuery().isPresent(), "the form of " + verb);
        click("#step-send");
        return this;
    }

    public WindowDriver type(String query, String text) {
        robot.clickOn(query);
        robot.write(text);
        return this;
    }

    /** Replaces a text field's content with {@code text}, typed. */
    public WindowDriver retype(String query, String text) {
        robot.doubleClickOn(query);
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A);
        robot.eraseText(1);
        robot.write(text);
        return this;
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

    public <T extends Node> T node(String query) {
        return robot.lookup(query).query();
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

    /** The transcript's lines as shown, without the trailing empty paragraph. */
    public List<String> transcriptLines() {
        return onFx(() -> {
            StyleClassedTextArea area = transcript();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < area.getParagraphs().size() - 1; i++) {
                lines.add(area.getText(i));
            }
            return lines;
        });
    }

    /** The style classes of a transcript line's own text (its last piece). */
    public Collection<String> lineStyle(int index) {
        return onFx(() -> {
            var segments = transcript().getParagraph(index).getStyledSegments();
            return List.copyOf(segments.get(segments.size() - 1).getStyle());
        });
    }

    /**
     * Clicks a transcript line, scrolled into view first, as a user clicks a line to have it explained. Where
     * to click is found by asking the text area which line lies under each height of its view (its own hit
     * test, the one that will read the click), so the place is right even while the view is settling. Each
     * click is made a little to the right of the one before: centred in view, two lines land at one height, and
     * two quick clicks at one point are a double click, which selects a word instead.
     */
    public void clickLine(int index) {
        for (int attempt = 0; attempt < 5; attempt++) {
            onFx(() -> {
                transcript().showParagraphAtCenter(index);
                transcript().layout();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            Optional<Point2D> target = onFx(() -> pointOnLine(index));
            if (target.isPresent()) {
                robot.clickOn(target.get());
                WaitForAsyncUtils.waitForFxEvents();
                if (onFx(() -> transcript().getCurrentParagraph() == index)) {
                    return;
                }
            }
        }
        throw new AssertionError("could not click transcript line " + index);
    }

    /** A point on screen over line {@code index}, as the area's hit test places it; empty if not in view. */
    private Optional<Point2D> pointOnLine(int index) {
        StyleClassedTextArea area = transcript();
        double x = 40 + 25 * (lineClicks++ % 8);
        double first = -1;
        double last = -1;
        for (double y = 1; y < area.getHeight(); y += 2) {
            int offset = area.hit(x, y).getInsertionIndex();
            int line = area.offsetToPosition(offset, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
            if (line == index) {
                first = first < 0 ? y : first;
                last = y;
            } else if (first >= 0) {
                break;
            }
        }
        return first < 0 ? Optional.empty() : Optional.of(area.localToScreen(x, (first + last) / 2));
    }

    public StyleClassedTextArea transcript() {
        return robot.lookup("#transcript").queryAs(StyleClassedTextArea.class);
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

    /** Runs {@code work} on the JavaFX thread and returns its result. */
    public static <T> T onFx(Callable<T> work) {
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
