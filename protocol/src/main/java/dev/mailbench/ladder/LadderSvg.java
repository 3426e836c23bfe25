package dev.mailbench.ladder;

import dev.mailbench.wire.Durations;
import java.util.Locale;

/**
 * A ladder as a standalone SVG document (SVG 1.1, no script, no external reference): the client lane on the left,
 * the server lane on the right, notes in the left margin, one arrow a row. Colours come from {@link LadderPalette}
 * alone; each reply's class is also its stroke and its mark, so a black and white print reads the same.
 */
public final class LadderSvg {

    private static final int ROW = 26;
    private static final int TOP = 56;
    private static final int NOTE_WIDTH = 230;
    private static final int CLIENT_X = NOTE_WIDTH + 30;
    private static final int SERVER_X = CLIENT_X + 460;
    private static final int WIDTH = SERVER_X + 200;
    /** Longest label text written on an arrow, in characters. */
    private static final int MAX_TEXT = 64;

    private LadderSvg() {
    }

    /** The ladder, with a title ("SMTP 127.0.0.1:2525") over the lanes. */
    public static String write(Ladder ladder, String title) {
        int height = TOP + ladder.size() * ROW + 24;
        StringBuilder svg = new StringBuilder(256 + ladder.size() * 220);
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<defs>\n");
        for (LadderPalette colour : LadderPalette.values()) {
            svg.append("<marker id=\"head-").append(id(colour)).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\"")
                    .append(" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
                    .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(colour.hex()).append("\"/></marker>\n");
        }
        svg.append("</defs>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"").append(LadderPalette.BACKGROUND.hex()).append("\"/>\n");
        text(svg, WIDTH / 2, 20, "middle", LadderPalette.TEXT, "bold", title);
        text(svg, CLIENT_X, TOP - 12, "middle", LadderPalette.TEXT, "bold", "Client");
        text(svg, SERVER_X, TOP - 12, "middle", LadderPalette.TEXT, "bold", "Server");
        lane(svg, CLIENT_X, height);
        lane(svg, SERVER_X, height);
        for (int i = 0; i < ladder.size(); i++) {
            row(svg, ladder, i, TOP + i * ROW + ROW / 2);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void lane(StringBuilder svg, int x, int height) {
        svg.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(x)
                .append("\" y2=\"").append(height - 12).append("\" stroke=\"").append(LadderPalette.MUTED.hex())
                .append("\" stroke-width=\"2\"/>\n");
    }

    private static void row(StringBuilder svg, Ladder ladder, int index, int y) {
        LadderRow row = ladder.row(index);
        switch (row.kind()) {
            case NOTE -> text(svg, 8, y + 4, "start", LadderPalette.NOTE, "italic", "* " + row.label(), 34);
            case TLS -> {
                svg.append("<rect x=\"").append(CLIENT_X - 20).append("\" y=\"").append(y - ROW / 2 + 3)
                        .append("\" width=\"").append(SERVER_X - CLIENT_X + 40).append("\" height=\"").append(ROW - 6)
                        .append("\" fill=\"").append(LadderPalette.SURFACE.hex()).append("\" stroke=\"")
                        .append(LadderPalette.MUTED.hex()).append("\" stroke-dasharray=\"3 2\"/>\n");
                text(svg, (CLIENT_X + SERVER_X) / 2, y + 4, "middle", LadderPalette.TEXT, "bold",
                        row.label() + ": every line below is encrypted");
            }
            default -> arrow(svg, ladder, index, row, y);
        }
    }

    private static void arrow(StringBuilder svg, Ladder ladder, int index, LadderRow row, int y) {
        LadderPalette colour = LadderPalette.of(row.lineClass());
        ArrowStroke stroke = row.stroke();
        int from = row.fromClient() ? CLIENT_X : SERVER_X;
        int to = row.fromClient() ? SERVER_X : CLIENT_X;
        svg.append("<g class=\"").append(row.kind().name().toLowerCase(Locale.ROOT)).append("\">");
        svg.append("<line x1=\"").append(from).append("\" y1=\"").append(y + 6).append("\" x2=\"").append(to)
                .append("\" y2=\"").append(y + 6).append("\" stroke=\"").append(colour.hex()).append("\" stroke-width=\"")
                .append(stroke == ArrowStroke.HEAVY ? 3 : 1.5).append('"');
        if (!stroke.dashes().isEmpty()) {
            svg.append(" stroke-dasharray=\"").append(stroke.dashes()).append('"');
        }
        svg.append(" marker-end=\"url(#head-").append(id(colour)).append(")\"/>");
        String label = row.printedText();
        text(svg, (CLIENT_X + SERVER_X) / 2, y + 1, "middle", colour, row.kind() == RowKind.REPLY ? "bold" : "normal",
                label);
        row.latency().ifPresent(latency -> text(svg, CLIENT_X - 8, y + 10, "end", LadderPalette.MUTED, "normal",
                Durations.latency(latency)));
        if (row.group() != LadderRow.NONE) {
            pipelineJoin(svg, ladder, index, row, y);
        }
        svg.append("</g>\n");
    }

    /** RFC 2920: a bracket beside a pipelined group, and each reply joined to the command it answers. */
    private static void pipelineJoin(StringBuilder svg, Ladder ladder, int index, LadderRow row, int y) {
        if (row.kind() == RowKind.REPLY && row.answers() >= 0) {
            int commandY = TOP + row.answers() * ROW + ROW / 2;
            int x = SERVER_X + 14 + 6 * (index - row.answers()) % 60;
            svg.append("<path d=\"M").append(SERVER_X).append(',').append(commandY + 6).append(" H").append(x)
                    .append(" V").append(y + 6).append(" H").append(SERVER_X).append("\" fill=\"none\" stroke=\"")
                    .append(LadderPalette.MUTED.hex()).append("\" stroke-width=\"1\" stroke-dasharray=\"1 2\"/>");
        } else if (row.fromClient() && row.group() == index) {
            text(svg, SERVER_X + 12, y + 4, "start", LadderPalette.MUTED, "italic", "pipelined ↓");
        }
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, LadderPalette colour, String style,
                             String text) {
        text(svg, x, y, anchor, colour, style, text, MAX_TEXT);
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, LadderPalette colour, String style,
                             String text, int max) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"").append(colour.hex()).append('"');
        if (style.equals("bold")) {
            svg.append(" font-weight=\"bold\"");
        } else if (style.equals("italic")) {
            svg.append(" font-style=\"italic\"");
        }
        String shown = text.length() > max ? text.substring(0, max - 1) + "…" : text;
        svg.append('>').append(escape(shown)).append("</text>");
    }

    private static String id(LadderPalette colour) {
        return colour.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** XML text and attribute escaping; control octets, which XML 1.0 forbids, become U+FFFD. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 && c != '\t' || c == 0xFFFE || c == 0xFFFF ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
