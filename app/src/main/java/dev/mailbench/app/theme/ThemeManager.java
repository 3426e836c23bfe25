package dev.mailbench.app.theme;

import java.util.List;
import java.util.Objects;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Holds the current {@link Theme} and keeps the stylesheets of attached scenes in step with it:
 * {@code base.css} first, then the theme's own stylesheet. Stylesheets it did not add are left alone.
 */
public final class ThemeManager {

    private static final String BASE = "base.css";

    private final ReadOnlyObjectWrapper<Theme> theme;

    public ThemeManager(Theme initial) {
        theme = new ReadOnlyObjectWrapper<>(this, "theme", Objects.requireNonNull(initial));
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
    }

    /**
     * Styles a short-lived root, such as a dialog's pane, with the current theme once; it does not
     * follow later changes, so nothing keeps the root alive after it closes.
     */
    public void styleOnce(Parent root) {
        restyle(root.getStylesheets());
    }

    /** The stylesheets of the current theme, in the order they must be loaded. */
    public List<String> stylesheets() {
        return List.of(Theme.resource(BASE), theme().stylesheet());
    }

    private void restyle(ObservableList<String> target) {
        target.remove(Theme.resource(BASE));
        for (Theme each : Theme.values()) {
            target.remove(each.stylesheet());
        }
        target.addAll(0, stylesheets());
    }
}
