package dev.mailbench.explain;

/**
 * What a view needs to draw one transcript line. There are few distinct ones, so {@link #of} shares them: a
 * 300,000-line RETR does not need 300,000 of them.
 *
 * @param lineClass  how it reads at a glance (its colour)
 * @param role       what part it plays in the conversation
 * @param leadingDot whether the line's first dot is a transparency dot, added by dot-stuffing and removed
 *                   by the receiver (RFC 5321 §4.5.2, RFC 1939 §3)
 */
public record LineInfo(LineClass lineClass, LineRole role, boolean leadingDot) {

    private static final int ROLES = LineRole.values().length;
    private static final LineInfo[] SHARED = new LineInfo[LineClass.values().length * ROLES * 2];

    static {
        if (SHARED.length > 256) {
            throw new AssertionError("a code must fit in one octet");
        }
        for (LineClass lineClass : LineClass.values()) {
            for (LineRole role : LineRole.values()) {
                for (boolean dot : new boolean[] {false, true}) {
                    SHARED[slot(lineClass, role, dot)] = new LineInfo(lineClass, role, dot);
                }
            }
        }
    }

    /** The shared instance of this reading. */
    public static LineInfo of(LineClass lineClass, LineRole role, boolean leadingDot) {
        return SHARED[slot(lineClass, role, leadingDot)];
    }

    /** This reading as a small number (under 256), for keeping many of them compactly; see {@link #ofCode}. */
    public int code() {
        return slot(lineClass, role, leadingDot);
    }

    /** The reading whose {@link #code()} this is. */
    public static LineInfo ofCode(int code) {
        return SHARED[code & 0xFF];
    }

    private static int slot(LineClass lineClass, LineRole role, boolean leadingDot) {
        return (lineClass.ordinal() * ROLES + role.ordinal()) * 2 + (leadingDot ? 1 : 0);
    }
}
