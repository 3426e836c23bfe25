package dev.mailbench.app.export;

import java.util.Optional;

import dev.mailbench.session.SessionConnection;

/**
 * Where a handout gets the ladder (the sequence diagram of a connection): a handout places it above the connection's
 * transcript when there is one. {@link LadderDrawings#SVG} draws it inline for the HTML page,
 * {@link LadderDrawings#PNG} as images for the PDF (whose renderer reads no SVG).
 */
@FunctionalInterface
public interface LadderDrawing {

    /** No ladder: the handout shows the transcript alone. */
    LadderDrawing NONE = connection -> Optional.empty();

    /**
     * The connection's ladder as an HTML fragment to place in the page (an inline {@code <svg …>…</svg>}, or
     * {@code <img>} elements), or empty when there is none.
     */
    Optional<String> ladderHtml(SessionConnection connection);
}
