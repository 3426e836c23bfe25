package dev.mailbench.app.steps;

/**
 * A line a form will send, shown before it is sent.
 *
 * @param line           the line with any secret masked
 * @param revealedLine   the line exactly as it will be sent
 * @param note           what it decodes to (base64 of AUTH), secrets masked; empty if nothing to add
 * @param revealedNote   the same in clear
 */
public record PreviewLine(String line, String revealedLine, String note, String revealedNote) {

    public static PreviewLine of(String line) {
        return new PreviewLine(line, line, "", "");
    }

    /** The line as shown, with its note after it. */
    public String shown(boolean reveal) {
        String text = reveal ? revealedLine : line;
        String decoded = reveal ? revealedNote : note;
        return decoded.isEmpty() ? text : text + "    (" + decoded + ")";
    }
}
