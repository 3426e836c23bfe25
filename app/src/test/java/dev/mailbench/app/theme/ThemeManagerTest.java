package dev.mailbench.app.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

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

        // at the platform's own size, no size rule
        assertThat(scene.getStylesheets()).containsExactly(
                Theme.resource("base.css"), Theme.LIGHT.stylesheet());
    }

    /**
     * The build writes each theme stylesheet in JavaFX's binary form beside it, and JavaFX reads that in its place:
     * a window at the platform's size starts without the CSS parser.
     */
    @Test
    void theThemesAreShippedInBinaryForm() {
        assertThat(Theme.class.getResource("base.bss")).isNotNull();
        for (Theme theme : Theme.values()) {
            assertThat(Theme.class.getResource(theme.id() + ".bss")).as(theme.id()).isNotNull();
        }
    }

    @Test
    void theWindowsFontIsTheThemesSizeTimesTheZoom() {
        Label label = onFx(() -> new Label("250 OK"));
        Scene scene = onFx(() -> new Scene(new StackPane(new VBox(label))));
        FontZoom zoom = new FontZoom();
        ThemeManager themes = new ThemeManager(Theme.LIGHT, zoom);
        robot.interact(() -> themes.attach(scene));
        double platform = fontOf(label);
        assertThat(platform).isEqualTo(Font.getDefault().getSize());

        robot.interact(() -> {
            zoom.zoomIn();
            zoom.zoomIn();
        });
        assertThat(fontOf(label)).isCloseTo(platform * 1.25, within(0.01));

        robot.interact(() -> themes.apply(Theme.PROJECTOR));
        assertThat(fontOf(label)).isCloseTo(20 * 1.25, within(0.01));
        assertThat(themes.fontSize()).isCloseTo(25, within(0.01));

        robot.interact(zoom::reset);
        assertThat(fontOf(label)).isEqualTo(20);
        assertThat(scene.getStylesheets()).as("one size rule, the current one").hasSize(3);
    }

    @Test
    void theSizeIsWrittenWithADecimalPointWhereTheLocaleWritesAComma() {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Label label = onFx(() -> new Label("250 OK"));
            Scene scene = onFx(() -> new Scene(new StackPane(label)));
            FontZoom zoom = new FontZoom();
            zoom.zoomIn();   // 1.1 × 20 px = 22 px, written "22.00px"
            robot.interact(() -> new ThemeManager(Theme.PROJECTOR, zoom).attach(scene));

            assertThat(fontOf(label)).isCloseTo(22, within(0.01));
        } finally {
            Locale.setDefault(original);
        }
    }

    /**
     * The zoom is one absolute size on the root, never a relative size on a node inside the window: under a node
     * with an {@code em} font size, JavaFX looks every descendant's font up again through its ancestors, uncached.
     */
    @Test
    void theZoomLeavesTheNodesInsideTheWindowUnstyled() {
        VBox inside = onFx(VBox::new);
        Scene scene = onFx(() -> new Scene(new StackPane(inside)));
        FontZoom zoom = new FontZoom();
        robot.interact(() -> new ThemeManager(Theme.LIGHT, zoom).attach(scene));

        robot.interact(zoom::zoomIn);

        assertThat(inside.getStyle()).isEmpty();
        assertThat(inside.getStylesheets()).isEmpty();
        assertThat(new String(Base64.getDecoder().decode(
                scene.getStylesheets().get(2).substring("data:text/css;base64,".length())), StandardCharsets.UTF_8))
                .matches("\\.root \\{ -fx-font-size: [0-9.]+px; }");
    }

    private double fontOf(Label label) {
        return onFx(() -> {
            label.applyCss();
            return label.getFont().getSize();
        });
    }

    /**
     * JavaFX reads the binary form in the text's place, so the two must say the same: its writer once turned a
     * {@code dashed} border into a solid one (the out-of-sequence step buttons lost their dashes).
     */
    @Test
    void theBinaryFormOfEachThemeSaysWhatItsTextSays() throws Exception {
        for (String name : List.of("base", "light", "dark", "projector")) {
            Stylesheet text = new CssParser().parse(Theme.class.getResource(name + ".css"));
            Stylesheet binary = Stylesheet.loadBinary(Theme.class.getResource(name + ".bss"));
            assertThat(declarations(binary)).as(name).containsExactlyElementsOf(declarations(text));
        }
    }

    private static List<String> declarations(Stylesheet stylesheet) {
        List<String> all = new ArrayList<>();
        for (Rule rule : stylesheet.getRules()) {
            for (Declaration declaration : rule.getDeclarations()) {
                all.add(rule.getSelectors() + " " + declaration.getProperty() + ": " + value(declaration.getParsedValue()));
            }
        }
        return all;
    }

    /** What a declaration comes to (its parsed form differs where the binary form leaves defaults out); a named colour as written. */
    private static String value(ParsedValue<?, ?> parsed) {
        if (parsed.isContainsLookups()) {
            return parsed.toString();
        }
        Object value = onFx(() -> parsed.convert(Font.getDefault()));
        return value instanceof Object[] values ? Arrays.deepToString(values) : String.valueOf(value);
    }

    @Test
    void attachedSceneFollowsLaterChangesAndKeepsOtherStylesheets() {
        Scene scene = onFx(() -> new Scene(new StackPane()));
        scene.getStylesheets().add(OTHER);
        ThemeManager themes = new ThemeManager(Theme.LIGHT);
        robot.interact(() -> themes.attach(scene));

        robot.interact(() -> themes.apply(Theme.PROJECTOR));

        assertThat(themes.theme()).isEqualTo(Theme.PROJECTOR);
        assertThat(scene.getStylesheets()).hasSize(4).startsWith(
                Theme.resource("base.css"), Theme.PROJECTOR.stylesheet()).endsWith(OTHER);
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
