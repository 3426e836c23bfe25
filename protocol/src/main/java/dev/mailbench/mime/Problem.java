package dev.mailbench.mime;

import java.util.Objects;

/**
 * Something wrong (or worth noticing) in a message, and where.
 *
 * @param severity how much it matters
 * @param kind     what it is, with the RFC rule it comes from
 * @param message  a sentence for the user, naming what was found
 * @param partPath the part it is in ({@code ""} for the message as a whole), see {@link PartNode#path()}
 * @param offset   the absolute byte offset it was found at
 * @param line     the 1-based line of that offset (lines end at CRLF, a bare LF or a bare CR)
 */
public record Problem(Severity severity, ProblemKind kind, String message, String partPath, long offset, long line) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(partPath, "partPath");
    }

    /** "line 12, byte 345, part 1.2" */
    public String where() {
        return "line " + line + ", byte " + offset + (partPath.isEmpty() ? "" : ", part " + partPath);
    }

    @Override
    public String toString() {
        return severity + " " + kind + " (" + where() + "): " + message;
    }
}
