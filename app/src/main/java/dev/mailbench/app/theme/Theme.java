package dev.mailbench.app.theme;

import java.net.URL;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.scene.text.Font;

/**
 * The looks Mailbench offers. Each is a stylesheet next to this class that defines the named
 * colours listed in {@code base.css}; {@link ThemeManager} loads it after {@code base.css}.
 */
public enum Theme {
    /** The platform's own font size (0), dark on light. */
    LIGHT("Light", 0),
    /** The platform's own font size (0), light on dark. */
    DARK("Dark", 0),
    /** High contrast and a large font, for a room looking at a projected screen. */
    PROJECTOR("Projector", 20);

    private final String displayName;
    private final double fontSize;

    Theme(String displayName, double fontSize) {
        this.displayName = displayName;
        this.fontSize = fontSize;
    }

    /**
     * The window's font size in pixels before any zoom: the platform's own, or the theme's where it needs a
     * larger one. It is here rather than in the theme's stylesheet because {@link ThemeManager} writes the
     * size, zoom included, as one absolute rule on the scene's root.
     */
    public double fontSize() {
        return fontSize == 0 ? platformFontSize() : fontSize;
    }

    /** The platform's own font size in pixels, which the light and dark themes keep. */
    public static double platformFontSize() {
        return Font.getDefault().getSize();
    }

    /** The name used on the command line and in file names: {@code light}, {@code dark}, {@code projector}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name shown in the View ▸ Theme menu. */
    public String displayName() {
        return displayName;
    }

    /** The URL of this theme's stylesheet, in the form {@code Scene.getStylesheets()} takes. */
    public String stylesheet() {
        return resource(id() + ".css");
    }

    /** The theme with this {@link #id()}, ignoring case. */
    public static Theme fromId(String id) {
        return Arrays.stream(values())
                .filter(theme -> theme.id().equalsIgnoreCase(id.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown theme '" + id + "', expected one of " + ids()));
    }

    /** All theme ids, comma separated, for help and error messages. */
    public static String ids() {
        return Arrays.stream(values()).map(Theme::id).collect(Collectors.joining(", "));
    }

    static String resource(String name) {
        URL url = Theme.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("stylesheet " + name + " is missing from the class path");
        }
        return url.toExternalForm();
    }
}
