package dev.mailbench.app.export;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeColours;
import dev.mailbench.app.transcript.ControlMarks;
import dev.mailbench.app.transcript.RenderOptions;
import dev.mailbench.app.transcript.StyledLine;
import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.app.transcript.TranscriptExport;
import dev.mailbench.app.transcript.TranscriptFormat;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.Explanation;
import dev.mailbench.explain.LineClass;
import dev.mailbench.explain.LineInfo;
import dev.mailbench.explain.LineRole;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TranscriptEvent;

/**
 * A session as a handout: one self-contained HTML page (no script, no file or font it loads) with each connection's
 * transcript coloured as in the window and each reply's explanation beside it, and the ladder above it where there
 * is one ({@link LadderDrawing}). Passwords are always masked, whatever the session keeps
 * ({@link SessionFile#masked}). It prints in black and white: each line also says in words what kind it is
 * ({@code success}, {@code permanent}), and the edge before it has a shape of its own (solid, dashed, double,
 * dotted). The same page becomes the PDF ({@link HtmlToPdf}).
 */
public final class Handout {

    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    private static final DateTimeFormatter SAVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);
    private static final RenderOptions OPTIONS = new RenderOptions(false, false, true);

    private final Catalogue catalogue;
    private final ZoneId zone;
    private final Theme theme;
    private final LadderDrawing ladder;

    /**
     * @param zone   the zone the times are shown in
     * @param theme  whose colours the page takes (the light one prints best)
     * @param ladder where the connections' ladders come from
     */
    public Handout(Catalogue catalogue, ZoneId zone, Theme theme, LadderDrawing ladder) {
        this.catalogue = Objects.requireNonNull(catalogue);
        this.zone = Objects.requireNonNull(zone);
        this.theme = Objects.requireNonNull(theme);
        this.ladder = Objects.requireNonNull(ladder);
    }

    /** The words a line's kind is printed in, for a reader without colour. */
    static String kind(LineClass lineClass) {
        return switch (lineClass) {
            case CLIENT -> "client";
            case SUCCESS -> "success";
            case INTERMEDIATE -> "waits";
            case TRANSIENT -> "transient";
            case PERMANENT -> "permanent";
            case MALFORMED -> "malformed";
            case NOTE -> "note";
        };
    }

    /** The title a handout of this session has: {@code Mailbench session: SMTP 127.0.0.1:2525}. */
    public static String title(SessionRecord session) {
        return session.connections().isEmpty() ? "Mailbench session"
                : "Mailbench session: " + session.settings().protocol() + " " + session.settings().address();
    }

    /** The page. */
    public String html(SessionRecord session) {
        SessionRecord masked = SessionFile.masked(session);
        String title = TranscriptExport.escape(title(masked));
        StringBuilder out = new StringBuilder(4096 + masked.events().size() * 160);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">\n")
                .append("<title>").append(title).append("</title>\n<style>\n").append(stylesheet()).append("</style>\n")
                .append("</head>\n<body>\n<h1>").append(title).append("</h1>\n<table class=\"header\">\n");
        header(out, "Saved", SAVED.format(masked.saved().atZone(zone)));
        header(out, "Mailbench", masked.mailbench().isEmpty() ? "unknown" : masked.mailbench());
        header(out, "Passwords", "masked (••••••)");
        header(out, "Key", "C: the client's line, S: the server's, *: a note from Mailbench; TLS: the line travelled"
                + " inside TLS. The kind column says what a reply means: success (2xx, +OK), waits (3xx, +),"
                + " transient (4xx), permanent (5xx, -ERR), malformed.");
        masked.problems().forEach(problem -> header(out, "Problem in the file", problem.toString()));
        out.append("</table>\n");
        List<SessionConnection> connections = masked.connections();
        for (int i = 0; i < connections.size(); i++) {
            connection(out, i + 1, connections.get(i));
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private void connection(StringBuilder out, int number, SessionConnection connection) {
        SessionSettings settings = connection.settings();
        out.append("<section class=\"connection\">\n<h2>Connection ").append(number).append(": ")
                .append(TranscriptExport.escape(settings.protocol() + " to " + settings.address() + ", "
                        + ConnectionSettings.tlsName(settings.protocol(), settings.tlsMode())
                        + settings.user().map(user -> ", user " + user).orElse("")))
                .append("</h2>\n");
        ladder.ladderHtml(connection).ifPresent(html -> out.append("<div class=\"ladder\">\n").append(html).append("\n</div>\n"));
        out.append("<table class=\"transcript\">\n<thead><tr><th>Time</th><th>Latency</th><th>Kind</th>")
                .append("<th>Line</th><th>Explanation</th></tr></thead>\n<tbody>\n");
        TranscriptFormat format = new TranscriptFormat(zone);
        EventExplainer explainer = new EventExplainer(settings.protocol(), catalogue);
        List<TranscriptEvent> events = connection.events();
        // every line is read before any is explained, as on screen once a session is over: the first line of a
        // multi-line reply explains the whole reply, not "the rest has not arrived yet"
        List<LineInfo> infos = events.stream().map(explainer::accept).toList();
        Set<String> inColumns = Set.of(catalogue.fieldLabel("bytes"), catalogue.fieldLabel("length"),
                catalogue.fieldLabel("tls"), catalogue.fieldLabel("latency"), catalogue.fieldLabel("line-number"));
        boolean[] replyStarts = replyStarts(settings, events);
        for (int i = 0; i < events.size(); i++) {
            TranscriptEvent event = events.get(i);
            LineInfo info = infos.get(i);
            StyledLine line = format.renderSaved(new TranscriptEntry(event, info, explainer), OPTIONS);
            String style = TranscriptFormat.styleClass(info.lineClass());
            out.append("<tr class=\"").append(style).append("\">");
            List<StyledLine.Segment> segments = line.segments();
            out.append("<td class=\"timestamp\">").append(TranscriptExport.escape(segments.get(0).text().strip()))
                    .append("</td><td class=\"latency\">").append(TranscriptExport.escape(segments.get(1).text().strip()))
                    .append("</td><td class=\"kind\">").append(kind(info.lineClass())).append("</td><td class=\"line\">");
            for (StyledLine.Segment segment : segments.subList(2, segments.size())) {
                for (ControlMarks.Run run : ControlMarks.runs(segment.text())) {
                    out.append("<span class=\"").append(TranscriptExport.escape(segment.styleClass()))
                            .append(run.control() ? " control" : "").append("\">")
                            .append(TranscriptExport.escape(run.text())).append("</span>");
                }
            }
            out.append("</td><td class=\"explanation\">");
            if (info.role() == LineRole.REPLY && replyStarts[i]) {
                explanation(out, explainer.explain(event.sequence()), inColumns);
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    /**
     * Which lines start a reply, each explained once, beside its first line: an SMTP reply of several lines is one
     * reply (RFC 5321 §4.2.1), as its dialogue reader reads it; a POP3 status line is one response.
     */
    private static boolean[] replyStarts(SessionSettings settings, List<TranscriptEvent> events) {
        boolean[] starts = new boolean[events.size()];
        if (settings.protocol() == MailProtocol.POP3) {
            Arrays.fill(starts, true);
            return starts;
        }
        SmtpDialogue dialogue = new SmtpDialogue(settings.tlsMode() == TlsMode.IMPLICIT);
        for (int i = 0; i < starts.length; i++) {
            starts[i] = dialogue.accept(events.get(i)).replyStart();
        }
        return starts;
    }

    /** The sentences, then the facts the other columns do not already show. */
    private static void explanation(StringBuilder out, Explanation explanation, Set<String> inColumns) {
        for (String sentence : explanation.sentences()) {
            out.append("<p>").append(TranscriptExport.escape(sentence)).append("</p>");
        }
        for (Explanation.Field field : explanation.fields()) {
            if (inColumns.contains(field.label())) {
                continue;
            }
            out.append("<p class=\"field\"><b>").append(TranscriptExport.escape(field.label())).append(":</b> ")
                    .append(TranscriptExport.escape(field.shown(false))).append("</p>");
        }
    }

    private static void header(StringBuilder out, String label, String value) {
        out.append("<tr><th>").append(TranscriptExport.escape(label)).append("</th><td>")
                .append(TranscriptExport.escape(value)).append("</td></tr>\n");
    }

    /**
     * The page's styles, with the theme's colours written in: CSS 2.1 only, which the PDF renderer knows. Each kind
     * of reply has an edge of its own shape, so that the kinds part in black and white too.
     */
    String stylesheet() {
        Map<String, String> colours = ThemeColours.of(theme);
        StringBuilder css = new StringBuilder();
        css.append("@page { size: A4 landscape; margin: 12mm; }\n")
                .append("body { font-family: \"DejaVu Sans\", sans-serif; font-size: 9pt; color: ")
                .append(colours.get("text")).append("; background: #ffffff; }\n")
                .append("h1 { font-size: 14pt; } h2 { font-size: 11pt; margin-top: 1.5em; }\n")
                .append("table.header th { text-align: left; padding-right: 1em; vertical-align: top; }\n")
                .append("table.transcript { border-collapse: collapse; width: 100%; }\n")
                .append("table.transcript th { text-align: left; border-bottom: 1px solid ").append(colours.get("muted")).append("; }\n")
                .append("table.transcript td { vertical-align: top; padding: 1px 4px; }\n")
                .append("td.line { font-family: \"DejaVu Sans Mono\", monospace; white-space: pre-wrap; word-wrap: break-word; width: 50%; }\n")
                .append("td.timestamp, td.latency { font-family: \"DejaVu Sans Mono\", monospace; white-space: nowrap; color: ")
                .append(colours.get("muted")).append("; }\n")
                .append("td.kind { font-size: 8pt; white-space: nowrap; border-left: 3px solid transparent; }\n")
                .append("td.explanation { width: 35%; font-size: 8pt; font-style: normal; } td.explanation p { margin: 0 0 2px 0; }\n")
                .append(".control { color: ").append(colours.get("muted")).append("; font-size: 0.8em; }\n")
                .append(".tls { font-weight: bold; }\n")
                .append(".stuffing-dot { font-weight: bold; }\n")
                .append(".timestamp, .latency { color: ").append(colours.get("muted")).append("; }\n");
        String[][] kinds = {
            {"client", "client", "none"}, {"reply-2xx", "reply-2xx", "solid"}, {"reply-3xx", "reply-3xx", "dashed"},
            {"reply-4xx", "reply-4xx", "double"}, {"reply-5xx", "reply-5xx", "dotted"},
            {"malformed", "malformed", "solid"}, {"note", "note", "none"}};
        for (String[] kind : kinds) {
            String colour = colours.get(kind[1]);
            css.append('.').append(kind[0]).append(" { color: ").append(colour).append("; }\n");
            css.append("tr.").append(kind[0]).append(" td.kind { border-left: ").append(kind[2].equals("none") ? "3px solid transparent"
                    : (kind[2].equals("double") ? "4px " : "3px ") + kind[2] + " " + colour).append("; }\n");
        }
        // the explanation is body text, whatever the line's kind (the rule above colours the whole row)
        css.append("tr td.explanation { color: ").append(colours.get("text")).append("; }\n")
                .append("tr.malformed td.line { text-decoration: underline; }\n")
                .append(".note { font-style: italic; }\n")
                .append("div.ladder { margin: 0.5em 0 1em 0; }\n")
                .append("div.ladder svg { max-width: 100%; height: auto; }\n")
                // an image is a page's worth of rows at its own size: it starts a page rather than being cut by one
                .append("div.ladder-piece { page-break-inside: avoid; margin-bottom: 0.5em; }\n")
                .append("div.ladder-piece img { display: block; max-width: 100%; }\n")
                .append("p.ladder-cut { font-style: italic; }\n");
        return css.toString();
    }
}
