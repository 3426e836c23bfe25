package dev.mailbench.app;

import static dev.mailbench.app.workbench.WindowDriver.pointOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import dev.mailbench.app.build.BuildInfo;
import dev.mailbench.app.theme.Theme;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, started headless, driven the way a user drives it. */
class MailbenchAppTest {

    private final FxRobot robot = new FxRobot();
    private Application app;

    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @TempDir
    Path config;

    @BeforeEach
    void startApp() throws TimeoutException {
        // the user's own settings stay untouched: recent servers are read from a temporary directory
        AppContext defaults = AppContext.defaults();
        AppContext context = new AppContext(defaults.services(), config, Optional.empty(), defaults.files());
        app = FxToolkit.setupApplication(() -> new MailbenchApp(context));
    }

    @AfterEach
    void stopApp() throws TimeoutException {
        FxToolkit.cleanupStages();
        FxToolkit.cleanupApplication(app);
    }

    @Test
    void windowSaysWhatThisBuildIs() {
        Stage stage = mainStage();

        assertThat(stage.getTitle()).isEqualTo("Mailbench");
        assertThat(stage.isShowing()).isTrue();
        assertThat(text("#welcome-title")).isEqualTo("Mailbench");
        assertThat(text("#welcome-summary")).contains("SMTP and POP3");
        assertThat(text("#welcome-version")).isEqualTo("Version " + BuildInfo.mailbenchVersion());
        assertThat(text("#welcome-scope")).contains("practice server is off");
    }

    @Test
    void theWelcomeOpensASessionTabAndClosingItBringsTheWelcomeBack() {
        robot.clickOn(pointOf(robot, "#welcome-new-pop3"));

        assertThat(robot.lookup("#session-state").queryAs(Label.class).getText()).isEqualTo("not connected");
        assertThat(robot.lookup("#port").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("110");
        assertThat(robot.lookup("#step-USER").query().isDisabled()).isTrue();
        assertThat(robot.lookup(".welcome").query().isVisible()).isFalse();

        robot.push(KeyCode.CONTROL, KeyCode.W);

        assertThat(robot.lookup(".welcome").query().isVisible()).isTrue();
    }

    @Test
    void viewThemeDarkSwitchesToTheDarkStylesheet() {
        Scene scene = mainStage().getScene();
        double lightBackground = backgroundBrightness(scene);
        assertThat(scene.getStylesheets()).contains(Theme.LIGHT.stylesheet());

        robot.clickOn(pointOf(robot, "View"));
        robot.moveTo(pointOf(robot, "Theme"));
        // across first, then down, as a hand does: a diagonal would leave the Theme row and close the submenu
        robot.clickOn(pointOf(robot, "Dark"), Motion.HORIZONTAL_FIRST);

        assertThat(scene.getStylesheets())
                .contains(Theme.DARK.stylesheet())
                .doesNotContain(Theme.LIGHT.stylesheet());
        assertThat(backgroundBrightness(scene)).isLessThan(lightBackground);
        assertThat(themeMenuItem(Theme.DARK).isSelected()).isTrue();
        assertThat(themeMenuItem(Theme.LIGHT).isSelected()).isFalse();
    }

    @Test
    void ctrlPlusEnlargesTheTextAndCtrlZeroResetsIt() {
        double normal = fontSize("#welcome-summary");

        robot.push(KeyCode.CONTROL, KeyCode.PLUS);
        double zoomed = fontSize("#welcome-summary");

        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        double smaller = fontSize("#welcome-summary");

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        double reset = fontSize("#welcome-summary");

        assertThat(zoomed).isGreaterThan(normal);
        assertThat(smaller).isLessThan(normal);
        assertThat(reset).isEqualTo(normal);
    }

    /**
     * Zoomed to the largest text, the window's rows need more height than it has: they scroll under the menu bar,
     * which stays at the top, instead of being cut off at both ends; at the usual size nothing scrolls.
     */
    @Test
    void atTheLargestZoomTheContentScrollsUnderTheMenuBar() {
        assertThat(robot.lookup("#window-scroll").tryQuery()).isEmpty();
        for (int i = 0; i < 6; i++) {
            robot.push(KeyCode.CONTROL, KeyCode.PLUS);
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#window-scroll").tryQuery()).isPresent();
        Node menuBar = robot.lookup(".menu-bar").query();
        assertThat(WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> menuBar.localToScene(0, 0).getY())))
                .isEqualTo(0.0);

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#window-scroll").tryQuery()).isEmpty();
        assertThat(robot.lookup("#workbench-split").tryQuery()).isPresent();
    }

    @Test
    void ctrlEqualsZoomsInWhereThePlusKeyNeedsShift() {
        double normal = fontSize("#welcome-summary");

        robot.push(KeyCode.CONTROL, KeyCode.EQUALS);

        assertThat(fontSize("#welcome-summary")).isGreaterThan(normal);
    }

    @Test
    void helpAboutShowsTheMailbenchJavaAndJavafxVersions() {
        robot.clickOn(pointOf(robot, "Help"));
        robot.clickOn(pointOf(robot, "About Mailbench"));

        assertThat(text("#about-version")).isEqualTo("Version " + BuildInfo.mailbenchVersion());
        assertThat(text("#about-java")).isEqualTo("Java " + BuildInfo.javaVersion());
        assertThat(text("#about-javafx"))
                .isEqualTo("JavaFX " + System.getProperty("javafx.runtime.version"))
                .matches("JavaFX \\d+\\..*");

        robot.clickOn(pointOf(robot, "Close"));
        assertThat(robot.lookup("#about-version").tryQuery()).isEmpty();
    }

    @Test
    void helpStartHereSaysWhatToTryFirstAgainstThePracticeServer() {
        robot.clickOn("Help").clickOn("Start Here");

        assertThat(text("#start-server")).contains("2525", "1110", "alice-pass", "bob-pass");
        assertThat(text("#start-ehlo")).contains("EHLO");
        assertThat(text("#start-message")).contains("MAIL FROM", "RCPT TO", "DATA");
        assertThat(text("#start-pop3")).contains("USER", "PASS", "RETR");

        robot.clickOn("Close");
        assertThat(robot.lookup("#start-ehlo").tryQuery()).isEmpty();
    }

    @Test
    void helpKeyboardKeysListsTheKeysWhereTheyAreBound() {
        robot.clickOn("Help").clickOn("Keyboard Keys");

        Map<String, String> keys = new LinkedHashMap<>();
        robot.lookup(".key-grid").queryAll().forEach(grid -> {
            List<Node> cells = ((GridPane) grid).getChildren();
            for (int i = 0; i + 1 < cells.size(); i += 2) {
                keys.put(((Label) cells.get(i)).getText() + " → " + ((Label) cells.get(i + 1)).getText(), "");
            }
        });
        assertThat(keys.keySet()).contains(
                "Ctrl+N → File ▸ New SMTP Session",
                "Ctrl+Q → File ▸ Quit",
                "Ctrl+0 → View ▸ Reset Zoom",
                "Ctrl+C → copy the selected lines as shown",
                "Menu key, Shift+F10 → open the selected line's menu",
                "Tab → complete the verb being typed",
                "Up, Down → recall the lines sent before",
                "Esc → close the step form without sending");

        robot.clickOn("Close");
        assertThat(robot.lookup(".key-grid").tryQuery()).isEmpty();
    }

    private Stage mainStage() {
        return (Stage) robot.listWindows().stream()
                .filter(window -> window instanceof Stage stage && "Mailbench".equals(stage.getTitle()))
                .findFirst()
                .orElseThrow();
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** The font size the label is drawn with, after CSS has been applied. */
    private double fontSize(String query) {
        Label label = robot.lookup(query).queryAs(Label.class);
        return onFx(() -> {
            label.getScene().getRoot().applyCss();
            return label.getFont().getSize();
        });
    }

    private double backgroundBrightness(Scene scene) {
        return onFx(() -> {
            scene.getRoot().applyCss();
            return ((Color) ((Region) scene.getRoot()).getBackground().getFills().get(0).getFill())
                    .getBrightness();
        });
    }

    private RadioMenuItem themeMenuItem(Theme theme) {
        MenuBar bar = robot.lookup("#main-menu").queryAs(MenuBar.class);
        Menu view = bar.getMenus().stream().filter(menu -> menu.getText().equals("View")).findFirst().orElseThrow();
        Menu themes = (Menu) view.getItems().stream()
                .filter(item -> "Theme".equals(item.getText())).findFirst().orElseThrow();
        return (RadioMenuItem) themes.getItems().stream()
                .filter(item -> item.getText().equals(theme.displayName())).findFirst().orElseThrow();
    }

    /** Runs {@code work} on the JavaFX thread and returns its result. */
    private static <T> T onFx(Callable<T> work) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }
}
