package dev.mailbench.diagnose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A diagnosis as one self-contained HTML page (no file or network it needs besides itself): the verdicts grouped by
 * severity at the top, then the whole transcript with each check's evidence lines marked; every evidence link jumps
 * to its line, every marked line links back to its checks, and clicking a check marks all its lines.
 */
public final class HtmlReport {

    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#1d2330;\
            background:#fff}
            h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:1px solid #d8dce4}
            h3{font-size:1em;margin:1em 0 .3em;text-transform:uppercase;letter-spacing:.05em}
            .counts span{display:inline-block;margin-right:.6em;padding:.1em .6em;border-radius:1em;font-weight:600}
            .check{border-left:6px solid #9aa3b2;background:#f6f7f9;margin:.35em 0;padding:.45em .8em;cursor:pointer}
            .check.selected{outline:2px solid #2457c5}
            .check .id{font-family:ui-monospace,monospace;font-weight:600;margin-right:.6em}
            .check p{margin:.3em 0}.check .rule,.check .figures{color:#4c5566;font-size:.9em}
            .check a{font-family:ui-monospace,monospace;font-size:.9em;margin-right:.3em}
            .v{display:inline-block;min-width:3.2em;text-align:center;font-size:.8em;font-weight:700;border-radius:.3em;\
            padding:0 .3em;margin-right:.6em;color:#fff}
            .fail{border-color:#c62828}.v.fail,.counts .fail{background:#c62828;color:#fff}
            .warn{border-color:#d98b00}.v.warn,.counts .warn{background:#d98b00;color:#fff}
            .info{border-color:#2f7fbf}.v.info,.counts .info{background:#2f7fbf;color:#fff}
            .pass{border-color:#2e7d32}.v.pass,.counts .pass{background:#2e7d32;color:#fff}
            .skip{border-color:#9aa3b2}.v.skip,.counts .skip{background:#9aa3b2;color:#fff}
            table{border-collapse:collapse;width:100%;font:13px/1.4 ui-monospace,monospace}
            td{padding:0 .5em;vertical-align:top;white-space:pre-wrap;word-break:break-all}
            td.n{color:#8a93a3;text-align:right;width:3.5em;user-select:none}td.d{width:1.5em;color:#8a93a3}
            tr.client td.t{color:#1b4fa8}tr.server td.t{color:#1d2330}tr.note td.t{color:#6b7383;font-style:italic}
            tr.ev td{background:#fff6d6}tr.ev td.n a{color:#8a6400}
            tr.selected td{background:#ffe08a}tr:target td{background:#ffd24d}
            td.refs{width:17em;white-space:normal;word-break:normal}
            td.refs a{font:11px system-ui,sans-serif;margin-right:.4em;color:#2457c5;white-space:nowrap}
            td.n{border-left:4px solid transparent}tr.tls td.n{border-left-color:#2e7d32}
            .legend{color:#4c5566;font-size:.9em}
            """;

    private static final String SCRIPT = """
            document.querySelectorAll('.check').forEach(function(c){c.addEventListener('click',function(e){\
            if(e.target.tagName==='A')return;document.querySelectorAll('.selected').forEach(function(s){\
            s.classList.remove('selected')});c.classList.add('selected');var first=null;\
            (c.dataset.lines||'').split(' ').forEach(function(n){if(!n)return;var r=document.getElementById(n);\
            if(r){r.classList.add('selected');first=first||r}});if(first)first.scrollIntoView({block:'center'})})});
            """;

    private HtmlReport() {
    }

    public static String render(List<Diagnosis> diagnoses) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Mailbench diagnosis of ").append(escape(diagnoses.isEmpty() ? ""
                        : diagnoses.get(0).target())).append("</title><style>").append(STYLE)
                .append("</style></head><body>\n");
        for (int i = 0; i < diagnoses.size(); i++) {
            render(diagnoses.get(i), "d" + i + "-", out);
        }
        return out.append("<script>").append(SCRIPT).append("</script></body></html>\n").toString();
    }

    private static void render(Diagnosis diagnosis, String prefix, StringBuilder out) {
        out.append("<section><h1>Diagnosis of ").append(escape(diagnosis.target())).append("</h1>\n<p>Started ")
                .append(escape(diagnosis.started().toString())).append(".</p>\n<p class=\"counts\">");
        for (Verdict verdict : Verdict.values()) {
            out.append("<span class=\"").append(verdict.id()).append("\">").append(diagnosis.count(verdict))
                    .append(' ').append(verdict.id()).append("</span>");
        }
        out.append("</p>\n");
        Map<Integer, List<CheckResult>> byLine = new HashMap<>();
        for (Verdict verdict : Verdict.values()) {
            List<CheckResult> group = diagnosis.checks().stream().filter(c -> c.verdict() == verdict).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.append("<h3>").append(heading(verdict)).append("</h3>\n");
            for (CheckResult check : group) {
                check.evidence().forEach(line -> byLine.computeIfAbsent(line, l -> new ArrayList<>()).add(check));
                check(check, prefix, out);
            }
        }
        out.append("<h2>Transcript</h2>\n<p class=\"legend\">C: the client (Mailbench), S: the server, * a note."
                + " Lines that prove a verdict are shaded and name it on the right; a green edge marks lines that"
                + " travelled inside TLS.</p>\n<table>\n");
        for (ReportLine line : diagnosis.lines()) {
            List<CheckResult> checks = byLine.getOrDefault(line.number(), List.of());
            out.append("<tr id=\"").append(prefix).append('l').append(line.number()).append("\" class=\"")
                    .append(line.direction()).append(checks.isEmpty() ? "" : " ev").append(line.tls() ? " tls" : "")
                    .append("\"><td class=\"n\">").append(line.number()).append("</td><td class=\"d\">")
                    .append(TextReport.prefix(line).strip())
                    .append("</td><td class=\"t\">").append(escape(line.text())).append("</td><td class=\"refs\">");
            for (CheckResult check : checks) {
                out.append("<a href=\"#").append(prefix).append("c-").append(check.id()).append("\">")
                        .append(escape(check.id())).append("</a>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</table></section>\n");
    }

    private static void check(CheckResult check, String prefix, StringBuilder out) {
        StringBuilder lines = new StringBuilder();
        check.evidence().forEach(line -> lines.append(prefix).append('l').append(line).append(' '));
        out.append("<div class=\"check ").append(check.verdict().id()).append("\" id=\"").append(prefix)
                .append("c-").append(check.id()).append("\" data-lines=\"").append(lines.toString().strip())
                .append("\"><p><span class=\"v ").append(check.verdict().id()).append("\">")
                .append(check.verdict().id().toUpperCase(Locale.ROOT)).append("</span><span class=\"id\">")
                .append(escape(check.id())).append("</span>").append(escape(check.summary())).append("</p>")
                .append("<p>").append(escape(check.explanation())).append("</p><p class=\"rule\">")
                .append(escape(check.rule()));
        if (!check.figures().isEmpty()) {
            Map<String, Object> figures = new LinkedHashMap<>(check.figures());
            out.append(" · <span class=\"figures\">");
            List<String> pairs = new ArrayList<>();
            figures.forEach((name, value) -> pairs.add(escape(name) + ": " + escape(String.valueOf(value))));
            out.append(String.join(", ", pairs)).append("</span>");
        }
        if (!check.evidence().isEmpty()) {
            out.append(" · evidence ");
            for (int line : check.evidence()) {
                out.append("<a href=\"#").append(prefix).append('l').append(line).append("\">").append(line)
                        .append("</a>");
            }
        }
        out.append("</p></div>\n");
    }

    private static String heading(Verdict verdict) {
        return switch (verdict) {
            case FAIL -> "Failed";
            case WARN -> "Warnings";
            case INFO -> "For information";
            case PASS -> "Passed";
            case SKIP -> "Skipped";
        };
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
