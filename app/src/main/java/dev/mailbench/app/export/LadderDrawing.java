package dev.mailbench.app.export;

import java.util.Optional;

import dev.mailbench.session.SessionConnection;

/**
 * The seam where a handout gets the ladder (the sequence diagram of a connection) as SVG: a handout places it
 * above the connection's transcript when there is one.
 */
@FunctionalInterface
public interface LadderDrawing {

    /** No ladder: the handout shows the transcript alone. */
    LadderDrawing NONE = connection -> Optional.empty();

    /** The connection's ladder as a standalone SVG document ({@code <svg …>…</svg>}), or empty when there is none. */
    Optional<String> ladderSvg(SessionConnection connection);
}
