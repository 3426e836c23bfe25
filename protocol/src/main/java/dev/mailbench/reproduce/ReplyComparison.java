package dev.mailbench.reproduce;

import dev.mailbench.wire.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The same script run against several servers, its replies side by side line by line, each difference from the
 * first server marked: a different code (reply code, enhanced code or POP3 status), a different text, or a reply
 * that one server gave and another did not.
 *
 * @param runs the runs, the first being the one the others are compared with
 * @param rows a row per line of the script that drew a reply from any server (the connection's greeting first)
 */
public record ReplyComparison(List<RunResult> runs, List<Row> rows) {

    /** How a row differs from the first server's replies; the worst of its replies. */
    public enum Difference {
        SAME(""), TEXT("text differs"), CODE("code differs"), MISSING("reply missing");

        private final String words;

        Difference(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * @param replies     each server's replies to the line, in the order of {@link #runs}
     * @param differences how each server's replies differ from the first's ({@link Difference#SAME} for the first)
     */
    public record Row(int lineNumber, String command, List<List<SeenReply>> replies, List<Difference> differences) {
        public Row {
            replies = replies.stream().map(List::copyOf).toList();
            differences = List.copyOf(differences);
        }

        /** The worst difference in the row. */
        public Difference difference() {
            return differences.stream().max(Enum::compareTo).orElse(Difference.SAME);
        }
    }

    public ReplyComparison {
        runs = List.copyOf(runs);
        rows = List.copyOf(rows);
    }

    public static ReplyComparison of(List<RunResult> runs) {
        int exchanges = runs.stream().mapToInt(run -> run.exchanges().size()).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < exchanges; i++) {
            int index = i;
            List<List<SeenReply>> replies = runs.stream()
                    .map(run -> index < run.exchanges().size() ? run.exchanges().get(index).replies() : List.<SeenReply>of())
                    .toList();
            if (replies.stream().allMatch(List::isEmpty)) {
                continue; // a line of message text: its reply comes after the final dot
            }
            RunResult.Exchange exchange = runs.stream().filter(run -> index < run.exchanges().size())
                    .findFirst().orElseThrow().exchanges().get(index);
            List<Difference> differences = replies.stream().map(theirs -> compare(replies.get(0), theirs)).toList();
            rows.add(new Row(exchange.lineNumber(), exchange.command(), replies, differences));
        }
        return new ReplyComparison(runs, rows);
    }

    private static Difference compare(List<SeenReply> ours, List<SeenReply> theirs) {
        Difference worst = ours.size() == theirs.size() ? Difference.SAME : Difference.MISSING;
        for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
            SeenReply a = ours.get(i);
            SeenReply b = theirs.get(i);
            Difference d = !a.codes().equals(b.codes()) ? Difference.CODE
                    : !a.lines().equals(b.lines()) ? Difference.TEXT : Difference.SAME;
            if (d.compareTo(worst) > 0) {
                worst = d;
            }
        }
        return worst;
    }

    /** Whether any server replied differently from the first. */
    public boolean anyDifference() {
        return rows.stream().anyMatch(row -> row.difference() != Difference.SAME);
    }

    /**
     * The comparison as plain text, a column per server: each reply's first line (cut to fit) and its latency, and
     * after each row what differs.
     */
    public String toText() {
        int column = 44;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < runs.size(); i++) {
            out.append(letter(i)).append(" = ").append(runs.get(i).address().toUri()).append('\n');
        }
        out.append('\n');
        StringBuilder header = new StringBuilder(pad("line", 5)).append(pad("command", 26));
        for (int i = 0; i < runs.size(); i++) {
            header.append(pad(letter(i), column)).append(pad("", 9));
        }
        out.append(header.toString().stripTrailing()).append('\n');
        for (Row row : rows) {
            int height = row.replies().stream().mapToInt(List::size).max().orElse(0);
            for (int r = 0; r < height; r++) {
                StringBuilder line = new StringBuilder(r == 0
                        ? pad(row.lineNumber() == 0 ? "" : String.valueOf(row.lineNumber()), 5) + pad(cut(row.command(), 24), 26)
                        : pad("", 31));
                for (List<SeenReply> replies : row.replies()) {
                    Optional<SeenReply> reply = r < replies.size() ? Optional.of(replies.get(r)) : Optional.empty();
                    String text = reply.map(seen -> seen.firstLine()
                            + (seen.lines().size() > 1 ? " (+" + (seen.lines().size() - 1) + " lines)" : "")).orElse("—");
                    line.append(pad(cut(text, column - 2), column))
                            .append(pad(reply.flatMap(SeenReply::latencyIfKnown).map(Durations::human).orElse(""), 9));
                }
                if (r == 0) {
                    line.append(marks(row));
                }
                out.append(line.toString().stripTrailing()).append('\n');
            }
        }
        long differing = rows.stream().filter(row -> row.difference() != Difference.SAME).count();
        out.append('\n').append(differing == 0 ? "No differences." : differing + " of " + rows.size()
                + " replies differ.").append('\n');
        return out.toString();
    }

    /** What differs in a row, by server: {@code ≠ B: code differs}. */
    private String marks(Row row) {
        List<String> marks = new ArrayList<>();
        for (int i = 1; i < row.differences().size(); i++) {
            if (row.differences().get(i) != Difference.SAME) {
                marks.add((runs.size() > 2 ? letter(i) + ": " : "") + row.differences().get(i).words());
            }
        }
        return marks.isEmpty() ? "" : "≠ " + String.join(", ", marks);
    }

    /** A, B, C … for the servers, in order. */
    public static String letter(int index) {
        return String.valueOf((char) ('A' + index));
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    /** The comparison as a self-contained HTML page: every line of every reply, differing rows marked. */
    public String toHtml(String title) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #999;padding:.3em .5em;vertical-align:top;text-align:left}")
                .append("pre{margin:0;font-family:monospace;white-space:pre-wrap}")
                .append("tr.differs td{background:#fff4d6}td.mark{font-weight:bold}.latency{color:#555}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n<table>\n<tr><th>line</th><th>command</th>");
        for (int i = 0; i < runs.size(); i++) {
            out.append("<th>").append(letter(i)).append(": ").append(escape(runs.get(i).address().toUri())).append("</th>");
        }
        if (runs.size() > 1) {
            out.append("<th>difference</th>");
        }
        out.append("</tr>\n");
        for (Row row : rows) {
            out.append(row.difference() == Difference.SAME ? "<tr>" : "<tr class=\"differs\">")
                    .append("<td>").append(row.lineNumber() == 0 ? "" : row.lineNumber()).append("</td><td><pre>")
                    .append(escape(row.command())).append("</pre></td>");
            for (List<SeenReply> replies : row.replies()) {
                out.append("<td>");
                if (replies.isEmpty()) {
                    out.append("—");
                }
                for (SeenReply reply : replies) {
                    out.append("<pre>").append(escape(String.join("\n", reply.lines()))).append("</pre>");
                    reply.latencyIfKnown().ifPresent(latency ->
                            out.append("<span class=\"latency\">").append(Durations.human(latency)).append("</span>"));
                }
                out.append("</td>");
            }
            if (runs.size() > 1) {
                out.append("<td class=\"mark\">").append(escape(marks(row))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table>\n");
        for (RunResult run : runs) {
            for (RunResult.Failure failure : run.failures()) {
                out.append("<p>").append(escape(run.address().toUri())).append(": ")
                        .append(escape(failure.message())).append("</p>\n");
            }
            run.error().ifPresent(error -> out.append("<p>").append(escape(run.address().toUri())).append(": ")
                    .append(escape(error)).append("</p>\n"));
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
