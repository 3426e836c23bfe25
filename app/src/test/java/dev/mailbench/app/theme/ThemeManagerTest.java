package dev.mailbench.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class ThemeManagerTest {

    private static final String OTHER = "file:/somewhere/else.css";

    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void attachedSceneLoadsBaseThenTheTheme() {
        Scene scene = onFx(() -> new Scene(new StackPane()));
        ThemeManager themes = new ThemeManager(Theme.LIGHT);

        robot.interact(() -> themes.attach(scene));

        assertThat(scene.getStylesheets()).containsExactly(
                Theme.resource("base.css"), Theme.LIGHT.stylesheet());
    }

    @Test
    void attachedSceneFollowsLaterChangesAndKeepsOtherStylesheets() {
        Scene scene = onFx(() -> new Scene(new StackPane()));
        scene.getStylesheets().add(OTHER);
        ThemeManager themes = new ThemeManager(Theme.LIGHT);
        robot.interact(() -> themes.attach(scene));

        robot.interact(() -> themes.apply(Theme.PROJECTOR));

        assertThat(themes.theme()).isEqualTo(Theme.PROJECTOR);
        assertThat(scene.getStylesheets()).containsExactly(
                Theme.resource("base.css"), Theme.PROJECTOR.stylesheet(), OTHER);
    }

    @Test
    void styledOnceRootDoesNotFollowLaterChanges() {
        StackPane dialogRoot = new StackPane();
        ThemeManager themes = new ThemeManager(Theme.DARK);

        themes.styleOnce(dialogRoot);
        themes.apply(Theme.LIGHT);

        assertThat(dialogRoot.getStylesheets()).containsExactly(
                Theme.resource("base.css"), Theme.DARK.stylesheet());
    }

    /** Runs {@code work} on the JavaFX thread and returns its result. */
    private static <T> T onFx(Callable<T> work) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }
}
