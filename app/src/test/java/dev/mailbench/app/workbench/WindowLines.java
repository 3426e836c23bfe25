package dev.mailbench.app.workbench;

/** Transcript lines as a test compares them: without the time and latency columns. */
public final class WindowLines {

    private WindowLines() {
    }

    /** {@code "12:00:01.000    +1 ms S: 250 OK"} → {@code "S: 250 OK"}; a note keeps its {@code *}. */
    public static String wire(String line) {
        for (String marker : new String[] {" C: ", " S: ", " *  "}) {
            int at = line.indexOf(marker);
            if (at >= 0) {
                return line.substring(at + 1);
            }
        }
        return line;
    }
}
