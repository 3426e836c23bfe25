package dev.mailbench.explain;

/**
 * The lines of one reply (an SMTP reply of one or more lines, a POP3 response with its text), and the line it
 * answers.
 *
 * @param <T> what a reader says the reply answers ({@code SmtpTurn}, {@code Pop3Turn})
 */
final class ReplyGroup<T> {
    /** Index of the answered line for the greeting, which answers the connection, not a line. */
    static final int CONNECTION = -1;
    /** Index of the answered line for a reply no line was waiting for. */
    static final int NO_COMMAND = -2;

    final int start;
    /** Index of the line answered, or {@link #CONNECTION}, or {@link #NO_COMMAND}. */
    final int command;
    /** What the reader says the reply answers; null for an unsolicited reply. */
    final T turn;
    int end;
    boolean complete;
    boolean multiLine;
    /** What makes the reply malformed, once its reader has found it; null while nothing has. */
    String problem;

    ReplyGroup(int start, int command, T turn) {
        this.start = start;
        this.end = start;
        this.command = command;
        this.turn = turn;
    }
}
