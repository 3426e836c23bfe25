package dev.mailbench.mime;

import java.util.List;

/** The plain-text form of an analysis: part tree, headers, Received chain, problems. */
final class AnalysisReport {

    private AnalysisReport() {
    }

    static String write(MessageAnalysis analysis) {
        StringBuilder out = new StringBuilder();
        // the verdict comes first: a PNG is not a message with 35 problems
        analysis.notAMessage().ifPresent(verdict -> out.append(verdict).append("\n\n"));
        List<PartNode> parts = analysis.parts();
        out.append("Message: ").append(analysis.source().size()).append(" bytes, ")
                .append(parts.size() - 1).append(parts.size() == 2 ? " part, " : " parts, ")
                .append(analysis.problems().size()).append(analysis.problems().size() == 1 ? " problem" : " problems")
                .append('\n');

        out.append("\nParts\n");
        for (PartNode part : parts) {
            out.append("  ").append("  ".repeat(part.depth())).append(part.label()).append("  ")
                    .append(part.contentType());
            if (part.charset() != null) {
                out.append("; charset=").append(part.charset());
            }
            out.append("  ").append(part.transferEncoding());
            if (part.disposition() != null) {
                out.append("  ").append(part.disposition());
            }
            if (part.filename() != null) {
                out.append("  \"").append(part.filename()).append('"');
            }
            out.append("  ").append(part.decodedSize()).append(" bytes")
                    .append("  header ").append(part.headerRange())
                    .append("  body ").append(part.bodyRange()).append('\n');
            if (part.embedded() != null) {
                out.append("  ").append("  ".repeat(part.depth() + 1)).append("(embedded message: ")
                        .append(part.embedded().contentType()).append(", header ")
                        .append(part.embedded().headerRange()).append(")\n");
            }
        }

        out.append("\nHeaders\n");
        for (HeaderField h : analysis.headers()) {
            out.append("  ").append(h.wellFormed() ? h.name() + ": " + h.decoded() : h.raw()).append('\n');
            if (h.isEncoded()) {
                out.append("      encoded: ").append(h.value()).append('\n');
            }
        }

        if (!analysis.receivedChain().isEmpty()) {
            out.append("\nReceived chain (oldest first)\n");
            int n = 1;
            for (ReceivedHop hop : analysis.receivedChain()) {
                out.append("  ").append(n++).append(".");
                append(out, " from ", hop.from());
                append(out, " by ", hop.by());
                append(out, " with ", hop.with());
                out.append("  ").append(hop.timestamp() != null ? hop.timestamp().toString()
                        : hop.dateText() != null ? "\"" + hop.dateText() + "\" (unreadable date)" : "(no date)");
                if (hop.delay() != null) {
                    out.append("  +").append(hop.delay().getSeconds()).append(" s");
                }
                out.append('\n');
            }
        }

        out.append("\nProblems\n");
        if (analysis.problems().isEmpty()) {
            out.append("  none\n");
        }
        for (Problem p : analysis.problems()) {
            out.append("  ").append(String.format("%-8s", p.severity())).append(p.kind()).append("  ")
                    .append(p.where()).append(": ").append(p.message()).append("  [").append(p.kind().rule())
                    .append("]\n");
        }
        return out.toString();
    }

    private static void append(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append(label).append(value);
        }
    }
}
