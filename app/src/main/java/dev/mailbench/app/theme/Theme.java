package dev.mailbench.app.theme;

import java.net.URL;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The looks Mailbench offers. Each is a stylesheet next to this class that defines the named
 * colours listed in {@code base.css}; {@link ThemeManager} loads it after {@code base.css}.
 */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark"),
    /** High contrast and a large font, for a room looking at a projected screen. */
    PROJECTOR("Projector");

    private final String displayName;

    Theme(String displayName) {
        this.displayName = displayName;
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
