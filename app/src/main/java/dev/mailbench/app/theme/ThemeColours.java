package dev.mailbench.app.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A theme's named colours ({@code -mb-client}, {@code -mb-reply-2xx} …, listed in base.css), read from its
 * stylesheet: for what is drawn outside the window (a handout, a printed sheet) in the window's colours, without a
 * second copy of them.
 */
public final class ThemeColours {

    private static final Pattern COLOUR = Pattern.compile("(-mb-[a-z0-9-]+)\\s*:\\s*(#[0-9a-fA-F]{3,8})\\s*;");

    private ThemeColours() {
    }

    /** Each named colour of the theme, without its {@code -mb-} prefix ({@code client → #0550ae}), in file order. */
    public static Map<String, String> of(Theme theme) {
        String name = theme.id() + ".css";
        try (InputStream in = Theme.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("stylesheet " + name + " is missing from the class path");
            }
            Matcher matcher = COLOUR.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> colours = new LinkedHashMap<>();
            while (matcher.find()) {
                colours.put(matcher.group(1).substring("-mb-".length()), matcher.group(2));
            }
            return colours;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
