package dev.mailbench.authenticity;

import dev.mailbench.mime.ReceivedHop;

/** The plain-text form of an {@link AuthenticationReport}, for {@code mailbench inspect}. */
final class AuthenticationText {

    private AuthenticationText() {
    }

    static String write(AuthenticationReport report) {
        StringBuilder out = new StringBuilder("Authentication\n");
        out.append(report.dnsUsed() ? "  Keys were looked up in the DNS.\n"
                : "  No DNS was used: only keys given by you were checked.\n");
        out.append("DKIM signatures\n");
        if (report.dkim().isEmpty()) {
            out.append("  none\n");
        }
        for (DkimResult r : report.dkim()) {
            SignatureField s = r.signature();
            out.append("  d=").append(s.domain()).append(" s=").append(s.selector()).append(" a=")
                    .append(s.algorithmText()).append("  range ").append(s.field().range()).append('\n');
            out.append("    body hash ").append(r.bodyHash().word()).append(": claimed ").append(r.bodyHash().claimed())
                    .append(", computed ").append(r.bodyHash().computed()).append('\n');
            out.append("    signature ").append(r.verdict().word()).append(": ").append(r.reason()).append('\n');
            for (Finding f : r.findings()) {
                out.append("    ! ").append(f).append('\n');
            }
        }
        out.append("ARC chain: ").append(report.arc().status()).append(" (").append(report.arc().reason()).append(")\n");
        for (ArcSet set : report.arc().sets()) {
            out.append("  i=").append(set.instance()).append(" cv=").append(set.chainValidation())
                    .append("  seal ").append(set.sealVerdict().word())
                    .append("  message signature ").append(set.messageVerdict().word())
                    .append(set.bodyHash() == null ? "" : " (body hash " + set.bodyHash().word() + ")").append('\n');
        }
        for (Finding f : report.arc().findings()) {
            out.append("  ! ").append(f).append('\n');
        }
        out.append("Authentication-Results\n");
        if (report.authenticationResults().isEmpty()) {
            out.append("  none\n");
        }
        for (AuthenticationResults.Group g : report.authenticationResults()) {
            out.append("  ").append(g.authservId()).append(": ").append(g.note()).append('\n');
            for (AuthenticationResults.Field f : g.fields()) {
                for (AuthenticationResults.Result r : f.results()) {
                    out.append("    ").append(r.method()).append('=').append(r.result());
                    if (r.reason() != null) {
                        out.append(" reason=\"").append(r.reason()).append('"');
                    }
                    for (AuthenticationResults.Property p : r.properties()) {
                        out.append(' ').append(p.type()).append('.').append(p.name()).append('=').append(p.value());
                    }
                    out.append('\n');
                }
            }
        }
        out.append("Received timeline (oldest first)\n");
        if (report.receivedTimeline().hops().isEmpty()) {
            out.append("  none\n");
        }
        for (ReceivedTimeline.Hop h : report.receivedTimeline().hops()) {
            ReceivedHop hop = h.hop();
            out.append("  ").append(hop.timestamp() == null ? "(no time)" : hop.timestamp().toString())
                    .append(hop.delay() == null ? "" : "  " + ReceivedTimeline.describe(hop.delay()))
                    .append("  by ").append(hop.by()).append(" from ").append(hop.from()).append('\n');
            for (String w : h.warnings()) {
                out.append("    ! ").append(w).append('\n');
            }
        }
        return out.toString();
    }
}
