package dev.mailbench.diagnose;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Diagnoses what a user names: a server URI, or a bare domain whose MX hosts are each diagnosed on port 25 in
 * preference order (RFC 5321 §5.1).
 */
public final class Diagnoser {

    private Diagnoser() {
    }

    /** Diagnoses one server. */
    public static Diagnosis diagnose(ServerTarget target, DiagnosisOptions options) {
        return target.uri().protocol() == MailProtocol.SMTP ? SmtpDiagnosis.run(target, options)
                : Pop3Diagnosis.run(target, options);
    }

    /**
     * Diagnoses a URI, or each MX host of a bare domain. A domain whose lookup fails gives one diagnosis whose
     * {@code mx} check says why.
     *
     * @throws IllegalArgumentException when {@code text} is written as a URI but is not a valid one
     */
    public static List<Diagnosis> diagnose(String text, MxLookup lookup, DiagnosisOptions options) {
        if (ServerAddress.looksLikeUri(text)) {
            return List.of(diagnose(ServerTarget.of(ServerAddress.parse(text)), options));
        }
        String domain = text.strip();
        List<MailExchanger> exchangers;
        try {
            exchangers = lookup.lookup(domain);
        } catch (IOException e) {
            return List.of(lookupFailed(domain, e, options));
        }
        String note = describe(domain, exchangers);
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (MailExchanger exchanger : exchangers) {
            diagnoses.add(diagnose(ServerTarget.of(exchanger, domain, options.mxPort(), note), options));
        }
        return diagnoses;
    }

    /** The note that opens each MX host's transcript: what DNS said. */
    static String describe(String domain, List<MailExchanger> exchangers) {
        if (exchangers.size() == 1 && exchangers.get(0).implicit()) {
            return "DNS: " + domain + " has no MX record; its own address takes its mail (RFC 5321 §5.1): "
                    + addresses(exchangers.get(0)) + ".";
        }
        return "DNS: the MX records of " + domain + ", most preferred first: " + exchangers.stream()
                .map(mx -> mx.name() + " (preference " + mx.preference() + ", " + addresses(mx) + ")")
                .collect(Collectors.joining("; ")) + ".";
    }

    private static String addresses(MailExchanger exchanger) {
        return exchanger.addresses().isEmpty() ? "no address"
                : exchanger.addresses().stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
    }

    private static Diagnosis lookupFailed(String domain, IOException failure, DiagnosisOptions options) {
        Transcript transcript = new Transcript();
        transcript.note("DNS: looking up the MX records of " + domain + " failed: " + Conversation.reason(failure));
        Findings findings = new Findings(MailProtocol.SMTP, options.catalogue());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("domain", domain);
        figures.put("reason", Conversation.reason(failure));
        boolean answered = failure instanceof MxLookup.NoMailExchangers;
        findings.add(CheckId.MX, Verdict.FAIL, answered ? "fail" : "fail.unanswered", figures, List.of(1));
        findings.skipRest("no-connection");
        Instant now = options.clock().instant();
        List<ReportLine> lines = List.of(new ReportLine(1, "note", transcript.event(0).line(), false));
        return new Diagnosis(domain, now, findings.results(), lines, transcript,
                new ServerAddress(domain, options.mxPort(), MailProtocol.SMTP, TlsMode.NONE));
    }
}
