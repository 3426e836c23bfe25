package dev.mailbench.app.ladder;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import dev.mailbench.ladder.ArrowStroke;
import dev.mailbench.ladder.Ladder;
import dev.mailbench.ladder.LadderPalette;
import dev.mailbench.ladder.LadderRow;
import dev.mailbench.ladder.RowKind;
import dev.mailbench.wire.Durations;

/**
 * A ladder as a PNG image, drawn as {@link dev.mailbench.ladder.LadderSvg} draws its SVG (the same lanes, rows,
 * strokes, marks and {@link LadderPalette} colours), with Java2D: it needs no display and no JavaFX toolkit, so
 * {@code mailbench export --as png} runs on a server without a screen.
 */
public final class LadderPng {

    private static final int ROW = 26;
    private static final int TOP = 56;
    private static final int NOTE_WIDTH = 230;
    private static final int CLIENT_X = NOTE_WIDTH + 30;
    private static final int SERVER_X = CLIENT_X + 460;
    private static final int WIDTH = SERVER_X + 200;
    /** Java2D allocates the whole image: a very long session is cut, and says so on its last row. */
    private static final int MAX_ROWS = 4_000;

    private LadderPng() {
    }

    /** Writes the ladder, with a title over the lanes, as a PNG image. */
    public static void write(Ladder ladder, String title, OutputStream out) throws IOException {
        ImageIO.write(render(ladder, title), "png", out);
    }

    /** The ladder as an image: 1 pixel a unit of the SVG. */
    public static BufferedImage render(Ladder ladder, String title) {
        int rows = Math.min(ladder.size(), MAX_ROWS);
        return draw(ladder, title, 0, rows,
                rows < ladder.size() ? "… and " + (ladder.size() - rows) + " more rows (the SVG has them all)" : null);
    }

    /**
     * Rows {@code fromRow} (inclusive) to {@code toRow} (exclusive) of the ladder, under the title and the lane names,
     * as {@link #render(Ladder, String)} draws them: a long ladder cut into pieces that each fit a printed page.
     *
     * @throws IllegalArgumentException if the range is empty or not within the ladder, or longer than a PNG may be
     */
    public static BufferedImage render(Ladder ladder, String title, int fromRow, int toRow) {
        if (fromRow < 0 || toRow > ladder.size() || fromRow >= toRow || toRow - fromRow > MAX_ROWS) {
            throw new IllegalArgumentException("rows " + fromRow + " to " + toRow + " of a ladder of " + ladder.size());
        }
        return draw(ladder, title, fromRow, toRow, null);
    }

    /** Writes rows {@code fromRow} to {@code toRow} (exclusive) of the ladder as a PNG image. */
    public static void write(Ladder ladder, String title, int fromRow, int toRow, OutputStream out) throws IOException {
        ImageIO.write(render(ladder, title, fromRow, toRow), "png", out);
    }

    private static BufferedImage draw(Ladder ladder, String title, int fromRow, int toRow, String lastLine) {
        int rows = toRow - fromRow;
        int height = TOP + (rows + (lastLine != null ? 1 : 0)) * ROW + 24;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(colour(LadderPalette.BACKGROUND));
            g.fillRect(0, 0, WIDTH, height);
            Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
            Font bold = plain.deriveFont(Font.BOLD);
            g.setFont(bold);
            centred(g, title, WIDTH / 2, 20, colour(LadderPalette.TEXT));
            centred(g, "Client", CLIENT_X, TOP - 12, colour(LadderPalette.TEXT));
            centred(g, "Server", SERVER_X, TOP - 12, colour(LadderPalette.TEXT));
            g.setColor(colour(LadderPalette.MUTED));
            g.setStroke(new BasicStroke(2));
            g.drawLine(CLIENT_X, TOP - 6, CLIENT_X, height - 12);
            g.drawLine(SERVER_X, TOP - 6, SERVER_X, height - 12);
            for (int i = 0; i < rows; i++) {
                row(g, ladder.row(fromRow + i), TOP + i * ROW + ROW / 2, plain, bold);
            }
            if (lastLine != null) {
                g.setFont(plain.deriveFont(Font.ITALIC));
                centred(g, lastLine, (CLIENT_X + SERVER_X) / 2, TOP + rows * ROW + ROW / 2 + 4,
                        colour(LadderPalette.MUTED));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void row(Graphics2D g, LadderRow row, int y, Font plain, Font bold) {
        switch (row.kind()) {
            case NOTE -> {
                g.setFont(plain.deriveFont(Font.ITALIC));
                g.setColor(colour(LadderPalette.NOTE));
                g.drawString(fit(g, "* " + row.label(), NOTE_WIDTH - 8), 8, y + 4);
            }
            case TLS -> {
                g.setColor(colour(LadderPalette.SURFACE));
                g.fillRect(CLIENT_X - 20, y - ROW / 2 + 3, SERVER_X - CLIENT_X + 40, ROW - 6);
                g.setColor(colour(LadderPalette.MUTED));
                g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 2}, 0));
                g.drawRect(CLIENT_X - 20, y - ROW / 2 + 3, SERVER_X - CLIENT_X + 40, ROW - 6);
                g.setFont(bold);
                centred(g, row.label() + ": every line below is encrypted", (CLIENT_X + SERVER_X) / 2, y + 4,
                        colour(LadderPalette.TEXT));
            }
            default -> arrow(g, row, y, plain, bold);
        }
    }

    private static void arrow(Graphics2D g, LadderRow row, int y, Font plain, Font bold) {
        Color colour = colour(LadderPalette.of(row.lineClass()));
        ArrowStroke stroke = row.stroke();
        int from = row.fromClient() ? CLIENT_X : SERVER_X;
        int to = row.fromClient() ? SERVER_X : CLIENT_X;
        int tip = row.fromClient() ? -8 : 8;
        float width = stroke == ArrowStroke.HEAVY ? 3 : 1.5f;
        g.setColor(colour);
        g.setStroke(stroke.dashes().isEmpty() ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, dashes(stroke), 0));
        g.drawLine(from, y + 6, to + tip / 2, y + 6);
        g.fillPolygon(new int[] {to, to + tip, to + tip}, new int[] {y + 6, y + 2, y + 10}, 3);
        String label = row.printedText();
        g.setFont(row.kind() == RowKind.REPLY ? bold : plain);
        centred(g, fit(g, label, SERVER_X - CLIENT_X - 20), (CLIENT_X + SERVER_X) / 2, y + 1, colour);
        row.latency().ifPresent(latency -> {
            g.setFont(plain);
            g.setColor(colour(LadderPalette.MUTED));
            String text = Durations.latency(latency);
            g.drawString(text, CLIENT_X - 8 - g.getFontMetrics().stringWidth(text), y + 10);
        });
        if (row.group() != LadderRow.NONE) {
            g.setColor(colour(LadderPalette.MUTED));
            g.setStroke(new BasicStroke(3));
            g.drawLine(CLIENT_X + 6, y - ROW / 2, CLIENT_X + 6, y + ROW / 2);
        }
    }

    private static float[] dashes(ArrowStroke stroke) {
        double[] values = Arrays.stream(stroke.dashes().split(" ")).mapToDouble(Double::parseDouble).toArray();
        float[] dashes = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            dashes[i] = (float) values[i];
        }
        return dashes;
    }

    private static void centred(Graphics2D g, String text, int x, int y, Color colour) {
        g.setColor(colour);
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    /** The text cut with an ellipsis to fit the width. */
    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && metrics.stringWidth(text.substring(0, end) + "…") > width) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static Color colour(LadderPalette palette) {
        return Color.decode(palette.hex());
    }
}
