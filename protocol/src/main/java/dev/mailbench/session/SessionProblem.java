package dev.mailbench.session;

import java.util.Objects;

/**
 * Something wrong with a session file, found while reading it; what could be read is kept.
 *
 * @param line    the line of the file, from 1, or 0 when not known
 * @param column  the column on that line, from 1, or 0 when not known
 * @param message what was wrong and what was done about it, in a sentence
 */
public record SessionProblem(int line, int column, String message) {

    public SessionProblem {
        Objects.requireNonNull(message, "message");
    }

    /** A problem of the whole file, not of one place in it. */
    public static SessionProblem ofFile(String message) {
        return new SessionProblem(0, 0, message);
    }

    /** {@code line 12, column 5: …}, or the message alone when the place is not known. */
    @Override
    public String toString() {
        return line <= 0 ? message : "line " + line + ", column " + column + ": " + message;
    }
}
