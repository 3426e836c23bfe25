package dev.mailbench.ladder;

import dev.mailbench.explain.LineClass;

/**
 * How an arrow is stroked and marked, so that its reply class still reads in black and white (a handout, a
 * projector with washed-out colours): each class has its own line and its own mark beside the code.
 */
public enum ArrowStroke {
    /** A client's arrow: a plain line. */
    PLAIN("", ""),
    /** 2yz, +OK: a plain line, a tick. */
    SOLID("", "✓"),
    /** 3yz, "+ ": the server waits for more; dashed, an ellipsis. */
    DASHED("6 4", "…"),
    /** 4yz: try again later; dotted, a circled arrow. */
    DOTTED("2 3", "↻"),
    /** 5yz, -ERR: refused; a heavy line, a cross. */
    HEAVY("", "✗"),
    /** Not a reply one can trust: dash and dot, a question mark. */
    BROKEN("8 3 2 3", "?"),
    /** A note: no arrow. */
    NONE("", "");

    private final String dashes;
    private final String mark;

    ArrowStroke(String dashes, String mark) {
        this.dashes = dashes;
        this.mark = mark;
    }

    /** The dash pattern as SVG's {@code stroke-dasharray} writes it; empty for a continuous line. */
    public String dashes() {
        return dashes;
    }

    /** The mark written beside the code; empty for none. */
    public String mark() {
        return mark;
    }

    /** The stroke of a row of this class. */
    public static ArrowStroke of(LineClass lineClass) {
        return switch (lineClass) {
            case CLIENT -> PLAIN;
            case SUCCESS -> SOLID;
            case INTERMEDIATE -> DASHED;
            case TRANSIENT -> DOTTED;
            case PERMANENT -> HEAVY;
            case MALFORMED -> BROKEN;
            case NOTE -> NONE;
        };
    }
}
