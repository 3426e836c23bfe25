package dev.mailbench.app.theme;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Holds the current {@link Theme} and keeps the stylesheets of attached scenes in step with it and with the
 * zoom: {@code base.css} first, then the theme's own stylesheet, then one rule that sets the root's font size
 * (the theme's size times the zoom). Stylesheets it did not add are left alone.
 * <p>
 * The size is absolute ({@code px}) and set on the root: a relative ({@code em}) size on a node inside the
 * window makes JavaFX look up the font of every node below it through each ancestor again, uncached, and a
 * window with a message open spent seconds in a single pulse on it.
 */
public final class ThemeManager {

    private static final String BASE = "base.css";

    private final ReadOnlyObjectWrapper<Theme> theme;
    private final FontZoom zoom;
    private final ReadOnlyDoubleWrapper fontSize;
    /** Every font-size rule this manager wrote, to find and replace its own among a list's stylesheets. */
    private final Set<String> sizeRules = new HashSet<>();

    /** The theme at its own size, without zoom. */
    public ThemeManager(Theme initial) {
        this(initial, new FontZoom());
    }

    /** The theme, at the size {@code zoom} gives it now and later. */
    public ThemeManager(Theme initial, FontZoom zoom) {
        theme = new ReadOnlyObjectWrapper<>(this, "theme", Objects.requireNonNull(initial));
        this.zoom = Objects.requireNonNull(zoom);
        fontSize = new ReadOnlyDoubleWrapper(this, "fontSize", initial.fontSize() * zoom.scale());
        theme.addListener((observable, old, now) -> fontSize.set(now.fontSize() * zoom.scale()));
        zoom.scaleProperty().addListener((observable, old, now) -> fontSize.set(theme().fontSize() * now.doubleValue()));
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme theme() {
        return theme.get();
    }

    /** Switches every attached scene to {@code newTheme}. */
    public void apply(Theme newTheme) {
        theme.set(Objects.requireNonNull(newTheme));
    }

    /** Styles {@code scene} with the current theme now and whenever the theme changes. */
    public void attach(Scene scene) {
        restyle(scene.getStylesheets());
        theme.addListener((observable, old, now) -> restyle(scene.getStylesheets()));
        zoom.scaleProperty().addListener((observable, old, now) -> restyle(scene.getStylesheets()));
    }

    /**
     * Styles a short-lived root, such as a dialog's pane, with the current theme once; it does not
     * follow later changes, so nothing keeps the root alive after it closes.
     */
    public void styleOnce(Parent root) {
        restyle(root.getStylesheets());
    }

    /** The stylesheets of the current theme and zoom, in the order they must be loaded. */
    public List<String> stylesheets() {
        if (fontSize() == Theme.platformFontSize()) {
            // the platform's own size needs no rule, and a window without one starts sooner: the theme's
            // stylesheets are read in binary form, and the CSS parser is not needed until the zoom changes
            return List.of(Theme.resource(BASE), theme().stylesheet());
        }
        return List.of(Theme.resource(BASE), theme().stylesheet(), sizeRule(fontSize()));
    }

    /** The root's font size in pixels, as the theme and zoom give it now. */
    public double fontSize() {
        return fontSize.get();
    }

    /** The root's font size in pixels, the theme's size times the zoom: what panels sized to the text follow. */
    public ReadOnlyDoubleProperty fontSizeProperty() {
        return fontSize.getReadOnlyProperty();
    }

    /** Whether the text is larger than the platform's own size: the projector theme, or a zoom in. */
    public boolean enlarged() {
        return fontSize() > Theme.platformFontSize();
    }

    private void restyle(ObservableList<String> target) {
        target.remove(Theme.resource(BASE));
        for (Theme each : Theme.values()) {
            target.remove(each.stylesheet());
        }
        target.removeIf(sizeRules::contains);
        target.addAll(0, stylesheets());
    }

    /** A stylesheet of one rule, as a {@code data:} URI: {@code .root { -fx-font-size: 16.25px; }}. */
    private String sizeRule(double pixels) {
        // Locale.ROOT: CSS wants "16.25px" even where the decimal separator is a comma
        String rule = String.format(Locale.ROOT, ".root { -fx-font-size: %.2fpx; }", pixels);
        String sheet = "data:text/css;base64," + Base64.getEncoder().encodeToString(rule.getBytes(StandardCharsets.UTF_8));
        sizeRules.add(sheet);
        return sheet;
    }
}
