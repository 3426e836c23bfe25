package dev.mailbench.app.transcript;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A transcript written out as the pane shows it (secrets stay masked unless revealed on screen): plain
 * text, or an HTML page with the same colours, for handouts and bug reports. Both start with a header that says
 * where, when and by which Mailbench the transcript was made, and both show a line's octets as its row does
 * ({@link StyledLine#shown()}): control octets, a bare LF included, by name ({@code ⟨CR⟩⟨LF⟩}), octets that are not
 * UTF-8 in hex ({@code ⟨C3⟩}); a line that travelled inside TLS starts with {@link TranscriptFormat#TLS_MARK}.
 */
public final class TranscriptExport {

    private static final String STYLESHEET = "transcript-export.css";
    /** Nothing in a saved page may load or run anything: its own styles only. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'", Locale.ROOT);
    private static final String MARKS = TranscriptFormat.TLS_MARK + "before C: or S: = the line travelled inside TLS; "
            + "⟨CR⟩ ⟨LF⟩ ⟨NUL⟩ … = a control octet; ⟨C3⟩ = an octet that is not UTF-8, in hex";

    /**
     * What a saved transcript says about itself before its lines.
     *
     * @param title   the page's title
     * @param server  the server connected to last, {@code host:port (protocol)}
     * @param tlsMode how that connection was to be protected, in words
     * @param saved   when the transcript was saved, in the zone its times are shown in
     * @param version Mailbench's version
     */
    public record Header(String title, String server, String tlsMode, ZonedDateTime saved, String version) {

        /** The header's facts, label and value. */
        List<String[]> fields() {
            return List.of(new String[] {"Server", server}, new String[] {"TLS mode", tlsMode},
                    new String[] {"Saved", SAVED.format(saved)}, new String[] {"Mailbench", version},
                    new String[] {"Marks", MARKS});
        }
    }

    private TranscriptExport() {
    }

    /** The header, a blank line, then one line per transcript line, each ending in a newline. */
    public static String plainText(Header header, List<StyledLine> lines) {
        StringBuilder out = new StringBuilder(lines.size() * 80 + 512);
        out.append(header.title()).append('\n');
        for (String[] field : header.fields()) {
            out.append(field[0]).append(": ").append(field[1]).append('\n');
        }
        out.append('\n');
        for (StyledLine line : lines) {
            out.append(line.shown()).append('\n');
        }
        return out.toString();
    }

    /** A self-contained HTML page: the header, then one {@code <span>} per segment with the pane's style class. */
    public static String html(Header header, List<StyledLine> lines) {
        String title = escape(header.title());
        StringBuilder out = new StringBuilder(lines.size() * 96 + 2048);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<title>").append(title).append("</title>\n<style>\n").append(stylesheet())
                .append("</style>\n</head>\n<body>\n<h1>").append(title).append("</h1>\n<dl class=\"header\">\n");
        for (String[] field : header.fields()) {
            out.append("<dt>").append(escape(field[0])).append("</dt><dd>").append(escape(field[1])).append("</dd>\n");
        }
        out.append("</dl>\n<pre class=\"transcript\">\n");
        for (StyledLine line : lines) {
            for (StyledLine.Segment segment : line.segments()) {
                for (ControlMarks.Run run : ControlMarks.runs(segment.text())) {
                    out.append("<span class=\"").append(escape(segment.styleClass())).append(run.control() ? " control" : "")
                            .append("\">").append(escape(run.text())).append("</span>");
                }
            }
            out.append('\n');
        }
        out.append("</pre>\n</body>\n</html>\n");
        return out.toString();
    }

    /** Text made safe inside HTML, as element content or a quoted attribute value. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
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
