package dev.mailbench.diagnose;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A diagnosis for the terminal: one line a check, and for each failure and warning its explanation, its rule and the
 * transcript lines that prove it. Colour (ANSI) only when asked for, that is when the output is a terminal.
 */
public final class TextReport {

    private static final String RESET = "\u001b[0m";
    private static final int SHOWN_EVIDENCE = 8;

    private final boolean colour;

    public TextReport(boolean colour) {
        this.colour = colour;
    }

    public String render(List<Diagnosis> diagnoses) {
        StringBuilder out = new StringBuilder();
        for (Diagnosis diagnosis : diagnoses) {
            if (out.length() > 0) {
                out.append('\n');
            }
            render(diagnosis, out);
        }
        return out.toString();
    }

    private void render(Diagnosis diagnosis, StringBuilder out) {
        out.append("Diagnosis of ").append(diagnosis.target()).append(", started ").append(diagnosis.started())
                .append('\n');
        int width = diagnosis.checks().stream().mapToInt(check -> check.id().length()).max().orElse(10);
        for (CheckResult check : diagnosis.checks()) {
            out.append("  ").append(paint(check.verdict(), String.format(Locale.ROOT, "%-4s",
                    check.verdict().id().toUpperCase(Locale.ROOT))))
                    .append("  ").append(String.format(Locale.ROOT, "%-" + width + "s", check.id()))
                    .append("  ").append(check.summary());
            if (!check.evidence().isEmpty()) {
                out.append("  [").append(lineRanges(check.evidence())).append(']');
            }
            out.append('\n');
            if (check.verdict() == Verdict.FAIL || check.verdict() == Verdict.WARN) {
                out.append(indent(check.explanation() + " (" + check.rule() + ")", width + 10));
                check.evidence().stream().limit(SHOWN_EVIDENCE).forEach(line -> {
                    ReportLine shown = diagnosis.lines().get(line - 1);
                    out.append(" ".repeat(width + 10)).append(String.format(Locale.ROOT, "%4d ", line))
                            .append(prefix(shown)).append(shown.text()).append('\n');
                });
            }
        }
        out.append(String.format(Locale.ROOT, "%d failed, %d warnings, %d for information, %d passed, %d skipped%n",
                diagnosis.count(Verdict.FAIL), diagnosis.count(Verdict.WARN), diagnosis.count(Verdict.INFO),
                diagnosis.count(Verdict.PASS), diagnosis.count(Verdict.SKIP)));
    }

    /** {@code C: }, {@code S: } or {@code * }: the transcript's own marks. */
    static String prefix(ReportLine line) {
        return switch (line.direction()) {
            case "client" -> "C: ";
            case "server" -> "S: ";
            default -> "*  ";
        };
    }

    /** {@code 3-5, 9}: consecutive line numbers as ranges. */
    static String lineRanges(List<Integer> lines) {
        StringBuilder ranges = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            int start = lines.get(i);
            int end = start;
            while (i + 1 < lines.size() && lines.get(i + 1) == end + 1) {
                end = lines.get(++i);
            }
            if (ranges.length() > 0) {
                ranges.append(", ");
            }
            ranges.append(start == end ? String.valueOf(start) : start + "-" + end);
            i++;
        }
        return (lines.size() == 1 ? "line " : "lines ") + ranges;
    }

    private String paint(Verdict verdict, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (verdict) {
            case FAIL -> "\u001b[1;31m";
            case WARN -> "\u001b[1;33m";
            case INFO -> "\u001b[36m";
            case PASS -> "\u001b[32m";
            case SKIP -> "\u001b[2m";
        };
        return code + text + RESET;
    }

    /** Wraps a paragraph at 100 columns, each line indented. */
    private static String indent(String paragraph, int by) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : paragraph.split(" ")) {
            if (line.length() > 0 && by + line.length() + word.length() + 1 > 100) {
                out.append(" ".repeat(by)).append(line).append('\n');
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.append(" ".repeat(by)).append(line).append('\n');
        }
        return out.toString();
    }

    /** The verdict counts in a line, for a window's status. */
    public static String counts(Diagnosis diagnosis) {
        return List.of(Verdict.values()).stream().filter(verdict -> diagnosis.count(verdict) > 0)
                .map(verdict -> diagnosis.count(verdict) + " " + verdict.id()).collect(Collectors.joining(", "));
    }
}
