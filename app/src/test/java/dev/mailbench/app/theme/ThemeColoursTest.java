package dev.mailbench.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What each theme really paints: the stylesheets are applied to a scene and the resolved colours
 * read back, so a misspelt named colour or an unreadable choice fails here, not on a projector.
 */
class ThemeColoursTest {

    /** The transcript style classes base.css promises to the transcript pane. */
    private static final List<String> TRANSCRIPT_CLASSES =
            List.of("client", "reply-2xx", "reply-3xx", "reply-4xx", "reply-5xx", "malformed", "note");


    @BeforeAll
    static void startToolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void everyTranscriptClassHasItsOwnReadableColour(Theme theme) {
        Painted painted = paint(theme);

        assertThat(painted.transcript().values())
                .as("each transcript class resolves to a colour of its own")
                .doesNotHaveDuplicates()
                .hasSize(TRANSCRIPT_CLASSES.size())
                .as("an unresolved named colour leaves the default fill of unstyled text")
                .doesNotContain(painted.unstyledText());
        painted.transcript().forEach((styleClass, colour) ->
                assertThat(contrast(colour, painted.background()))
                        .as("%s on the %s background", styleClass, theme.id())
                        .isGreaterThanOrEqualTo(minimumContrast(theme)));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void bodyAndSecondaryTextAreReadable(Theme theme) {
        Painted painted = paint(theme);

        assertThat(contrast(painted.bodyText(), painted.background()))
                .as("body text on the %s background", theme.id())
                .isGreaterThanOrEqualTo(minimumContrast(theme));
        assertThat(contrast(painted.mutedText(), painted.background()))
                .as("secondary text on the %s background", theme.id())
                .isGreaterThanOrEqualTo(minimumContrast(theme));
        assertThat(painted.mutedText()).isNotEqualTo(painted.bodyText());
    }

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "DARK"})
    void projectorFontIsLargerThan(Theme theme) {
        assertThat(paint(Theme.PROJECTOR).fontSize()).isGreaterThan(paint(theme).fontSize() * 1.3);
    }

    @ParameterizedTest
    @EnumSource(value = Theme.class, names = {"LIGHT", "PROJECTOR"})
    void darkThemeIsDarkerThan(Theme theme) {
        assertThat(luminance(paint(Theme.DARK).background()))
                .isLessThan(luminance(paint(theme).background()));
    }

    @ParameterizedTest
    @EnumSource(Theme.class)
    void theMimeViewersHighlightsKeepTextReadableAndDifferFromTheBackground(Theme theme) {
        Map<String, Color> highlights = onFx(() -> {
            Map<String, Color> found = new LinkedHashMap<>();
            VBox box = new VBox();
            Map<String, Region> regions = new LinkedHashMap<>();
            for (String name : List.of("-mb-highlight-header", "-mb-highlight-body")) {
                Region region = new Region();
                region.setStyle("-fx-background-color: " + name + ";");
                regions.put(name, region);
                box.getChildren().add(region);
            }
            Scene scene = new Scene(new StackPane(box));
            new ThemeManager(theme).attach(scene);
            box.applyCss();
            regions.forEach((name, region) -> found.put(name, (Color) region.getBackground().getFills().get(0).getFill()));
            return found;
        });
        Painted painted = paint(theme);

        assertThat(highlights.values()).doesNotHaveDuplicates().doesNotContain(painted.background());
        highlights.forEach((name, colour) -> assertThat(contrast(painted.bodyText(), colour))
                .as("body text on %s in %s", name, theme.id()).isGreaterThanOrEqualTo(minimumContrast(theme)));
    }

    /** WCAG 2.x: 4.5:1 is level AA for body text; 7:1, level AAA, for the projector theme. */
    private static double minimumContrast(Theme theme) {
        return theme == Theme.PROJECTOR ? 7.0 : 4.5;
    }

    private Painted paint(Theme theme) {
        return onFx(() -> {
            Label body = new Label("body");
            Label muted = new Label("muted");
            muted.getStyleClass().add("welcome-version");
            Text unstyled = new Text("unstyled");
            VBox lines = new VBox(body, muted, unstyled);
            Map<String, Text> texts = new LinkedHashMap<>();
            for (String styleClass : TRANSCRIPT_CLASSES) {
                Text text = new Text(styleClass);
                text.getStyleClass().add(styleClass);
                texts.put(styleClass, text);
                lines.getChildren().add(text);
            }
            StackPane root = new StackPane(lines);
            Scene scene = new Scene(root);
            new ThemeManager(theme).attach(scene);
            root.applyCss();

            Map<String, Color> transcript = new LinkedHashMap<>();
            texts.forEach((styleClass, text) -> transcript.put(styleClass, (Color) text.getFill()));
            return new Painted(
                    (Color) root.getBackground().getFills().get(0).getFill(),
                    (Color) body.getTextFill(),
                    (Color) muted.getTextFill(),
                    transcript,
                    (Color) unstyled.getFill(),
                    body.getFont().getSize());
        });
    }

    private record Painted(Color background, Color bodyText, Color mutedText,
                           Map<String, Color> transcript, Color unstyledText, double fontSize) {
    }

    /** WCAG 2.x contrast ratio, from 1:1 to 21:1. */
    private static double contrast(Color a, Color b) {
        double lighter = Math.max(luminance(a), luminance(b));
        double darker = Math.min(luminance(a), luminance(b));
        return (lighter + 0.05) / (darker + 0.05);
    }

    /** WCAG 2.x relative luminance of an sRGB colour. */
    private static double luminance(Color colour) {
        return 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen())
                + 0.0722 * linear(colour.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** Runs {@code work} on the JavaFX thread and returns its result. */
    private static <T> T onFx(Callable<T> work) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(work));
    }
}
