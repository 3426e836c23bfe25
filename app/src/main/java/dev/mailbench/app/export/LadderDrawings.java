package dev.mailbench.app.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Optional;

import dev.mailbench.app.ladder.LadderPng;
import dev.mailbench.ladder.Ladder;
import dev.mailbench.ladder.LadderSvg;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.app.transcript.TranscriptExport;

/**
 * The ladders a handout carries: inline SVG in the HTML page, PNG images in the PDF. Both are drawn from the saved
 * transcript by the same {@link Ladder} the window shows.
 */
public final class LadderDrawings {

    /**
     * Rows a printed page holds: an image of this many rows (80 + 26 a row pixels high, at 96 a inch) fits the
     * handout's A4 landscape page within its margins (186 mm, 703 pixels), so no arrow is cut at a page break.
     */
    static final int ROWS_PER_IMAGE = 20;
    /** Rows of the first image: it shares its page with the page's or the connection's heading. */
    static final int ROWS_FIRST_IMAGE = 12;
    /** Rows the PDF draws at most; the transcript under the ladder has every line. */
    static final int MAX_ROWS = 300;

    /** The ladder inline, as SVG, with no XML declaration (it sits inside the page). */
    public static final LadderDrawing SVG = connection -> {
        Ladder ladder = ladderOf(connection);
        if (ladder.size() == 0) {
            return Optional.empty();
        }
        String svg = LadderSvg.write(ladder, titleOf(connection));
        return Optional.of(svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).strip() : svg.strip());
    };

    /**
     * The ladder as PNG images in data URIs, {@value #ROWS_PER_IMAGE} rows an image so that each fits a page (the
     * first {@value #ROWS_FIRST_IMAGE}, under a heading), at most
     * {@value #MAX_ROWS} rows, then a line that says the rest is in the transcript below.
     */
    public static final LadderDrawing PNG = connection -> {
        Ladder ladder = ladderOf(connection);
        if (ladder.size() == 0) {
            return Optional.empty();
        }
        String title = titleOf(connection);
        int rows = Math.min(ladder.size(), MAX_ROWS);
        StringBuilder html = new StringBuilder();
        for (int from = 0, to; from < rows; from = to) {
            to = Math.min(rows, from + (from == 0 ? ROWS_FIRST_IMAGE : ROWS_PER_IMAGE));
            String piece = from == 0 && to == ladder.size() ? title
                    : title + " (rows " + (from + 1) + "–" + to + " of " + ladder.size() + ")";
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                LadderPng.write(ladder, piece, from, to, png);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // written to memory
            }
            html.append("<div class=\"ladder-piece\"><img alt=\"").append(TranscriptExport.escape("Ladder: " + piece))
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\"/></div>\n");
        }
        if (rows < ladder.size()) {
            html.append("<p class=\"ladder-cut\">The ladder's first ").append(rows).append(" of ").append(ladder.size())
                    .append(" rows are drawn; the rest is in the transcript below.</p>\n");
        }
        return Optional.of(html.toString());
    };

    private LadderDrawings() {
    }

    /** The connection's ladder, every saved line read. */
    public static Ladder ladderOf(SessionConnection connection) {
        return Ladder.of(connection.settings().protocol(), connection.transcript());
    }

    /** The ladder's title: "SMTP 127.0.0.1:2525". */
    public static String titleOf(SessionConnection connection) {
        return connection.settings().protocol() + " " + connection.settings().address();
    }
}
