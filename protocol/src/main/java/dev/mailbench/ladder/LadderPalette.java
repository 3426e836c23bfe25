package dev.mailbench.ladder;

import dev.mailbench.explain.LineClass;
import java.util.Locale;

/**
 * The only colours of an exported ladder: those of the window's light theme ({@code light.css}, where they are
 * named {@code -mb-client}, {@code -mb-reply-2xx} …), which a test in the app keeps equal. A handout printed in
 * black and white still reads by the arrows' strokes and marks ({@link ArrowStroke}).
 */
public enum LadderPalette {
    BACKGROUND("#fbfbfc"),
    TEXT("#1f2328"),
    MUTED("#59636e"),
    SURFACE("#e9ecef"),
    CLIENT("#0550ae"),
    REPLY_2XX("#1a7f37"),
    REPLY_3XX("#0b6e83"),
    REPLY_4XX("#9a5b00"),
    REPLY_5XX("#cf222e"),
    MALFORMED("#b0008a"),
    NOTE("#6e5494");

    private final String hex;

    LadderPalette(String hex) {
        this.hex = hex;
    }

    /** The colour as {@code #rrggbb}. */
    public String hex() {
        return hex;
    }

    /** The light theme's name for it: {@code -mb-reply-2xx}. */
    public String themeName() {
        return "-mb-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The colour of a row of this class, as the transcript draws its lines. */
    public static LadderPalette of(LineClass lineClass) {
        return switch (lineClass) {
            case CLIENT -> CLIENT;
            case SUCCESS -> REPLY_2XX;
            case INTERMEDIATE -> REPLY_3XX;
            case TRANSIENT -> REPLY_4XX;
            case PERMANENT -> REPLY_5XX;
            case MALFORMED -> MALFORMED;
            case NOTE -> NOTE;
        };
    }
}
