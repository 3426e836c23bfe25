package dev.mailbench.app.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A transcript written out as the pane shows it (secrets stay masked unless revealed on screen): plain
 * text, or an HTML page with the same colours, for handouts and bug reports. Plain text keeps control
 * octets as Unicode control pictures ({@code ␍␊}), exact for any tool; HTML shows their names
 * ({@code ⟨CR⟩⟨LF⟩}), which every font can draw.
 */
public final class TranscriptExport {

    private static final String STYLESHEET = "transcript-export.css";

    private TranscriptExport() {
    }

    /** One line per transcript line, each ending in a newline. */
    public static String plainText(List<StyledLine> lines) {
        StringBuilder out = new StringBuilder();
        for (StyledLine line : lines) {
            out.append(line.text()).append('\n');
        }
        return out.toString();
    }

    /** A self-contained HTML page: one {@code <span>} per segment with the pane's style class. */
    public static String html(List<StyledLine> lines, String title) {
        StringBuilder out = new StringBuilder(lines.size() * 96 + 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(stylesheet())
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<pre class=\"transcript\">\n");
        for (StyledLine line : lines) {
            for (StyledLine.Segment segment : line.segments()) {
                for (ControlMarks.Run run : ControlMarks.runs(segment.text())) {
                    out.append("<span class=\"").append(segment.styleClass()).append(run.control() ? " control" : "")
                            .append("\">").append(escape(run.text())).append("</span>");
                }
            }
            out.append('\n');
        }
        out.append("</pre>\n</body>\n</html>\n");
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String stylesheet() {
        try (InputStream in = TranscriptExport.class.getResourceAsStream(STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException(STYLESHEET + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
