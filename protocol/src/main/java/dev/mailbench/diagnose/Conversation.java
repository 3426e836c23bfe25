package dev.mailbench.diagnose;

import dev.mailbench.tls.TlsReport;
import dev.mailbench.wire.ConnectFailures;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * What the SMTP and POP3 diagnoses share: the transcript every connection of a diagnosis writes to, the clock and
 * deadline, the verdicts so far, and the checks that read the same for both protocols (connecting, the banner's
 * delay, certificates, line syntax).
 */
final class Conversation {

    /** Server line issues that break the line rules (RFC 5321 §2.3.8, RFC 1939 §3) without being garbage. */
    private static final Set<LineIssue> LINE_RULE_BREAKS = EnumSet.of(LineIssue.BARE_LF, LineIssue.BARE_CR,
            LineIssue.NUL, LineIssue.OVERLONG);

    final ServerTarget target;
    final DiagnosisOptions options;
    final Transcript transcript = new Transcript();
    final Findings findings;
    final Deadline deadline;
    private final Timeline timeline;
    private final Instant started;
    /** Line numbers of replies that could not be read as replies at all. */
    private final List<Integer> garbage = new ArrayList<>();

    Conversation(ServerTarget target, DiagnosisOptions options, MailProtocol protocol) {
        this.target = target;
        this.options = options;
        this.findings = new Findings(protocol, options.catalogue());
        this.started = options.clock().instant();
        this.deadline = new Deadline(options.clock(), options.timeout());
        this.timeline = new Timeline(options.clock());
        transcript.addListener(timeline);
        transcript.addListener(options.transcriptListener());
        if (!target.dnsNote().isEmpty()) {
            transcript.note(target.dnsNote());
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("domain", target.mailDomain());
            figures.put("host", target.name());
            findings.add(CheckId.MX, Verdict.PASS, "pass", figures, List.of(1));
        }
    }

    // ---- lines

    /** A mark to collect the lines written after it. */
    int mark() {
        return transcript.size();
    }

    /** The line numbers (from 1) written since {@code mark}. */
    List<Integer> since(int mark) {
        return since(mark, event -> true);
    }

    List<Integer> since(int mark, Predicate<TranscriptEvent> which) {
        List<Integer> lines = new ArrayList<>();
        for (int sequence = mark, size = transcript.size(); sequence < size; sequence++) {
            if (which.test(transcript.event(sequence))) {
                lines.add(sequence + 1);
            }
        }
        return lines;
    }

    /** The lines since {@code mark} that the server sent and that contain {@code word}, case aside. */
    List<Integer> serverLinesWith(int mark, String word) {
        String wanted = word.toUpperCase(Locale.ROOT);
        return since(mark, event -> event.direction() == Direction.SERVER
                && event.line().toUpperCase(Locale.ROOT).contains(wanted));
    }

    /** Whether the connection ended in the middle of a line the server was sending, after {@code mark}. */
    boolean cutOff(int mark) {
        return !since(mark, event -> event.direction() == Direction.SERVER
                && event.issues().contains(LineIssue.UNTERMINATED)).isEmpty();
    }

    void garbage(List<Integer> lines) {
        garbage.addAll(lines);
    }

    /** Waits for a reply no longer than the time left; a late reply is noted as the session's own waits note it. */
    <R> R await(CompletableFuture<R> future) throws IOException, Deadline.Passed {
        Duration left = deadline.remaining();
        try {
            return future.get(left.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            transcript.note("No reply within the diagnosis's time (" + left.truncatedTo(ChronoUnit.MILLIS) + " left).");
            throw new ReplyTimeoutException(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a reply");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    // ---- shared checks

    /**
     * The {@code connect} and {@code greeting.delay} verdicts after a connection attempt that failed: by the notes
     * the session wrote, whether TCP failed (and why) or the server failed to greet.
     */
    void connectFailed(int mark, IOException failure) {
        List<Integer> lines = since(mark);
        int connected = connectedLine(mark);
        if (connected < 0) {
            String note = lastNote(mark);
            String kind = ConnectFailures.kindOf(note);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("host", target.uri().host());
            figures.put("port", target.uri().port());
            figures.put("reason", reason(failure));
            String outcome = kind != null ? "fail." + kind
                    : note.contains(" with TLS") ? "fail.tls" : "fail.other";
            findings.add(CheckId.CONNECT, Verdict.FAIL, outcome, figures, lines);
            findings.skip(CheckId.GREETING_DELAY, "no-connection");
            return;
        }
        connectPassed(mark, connected);
        Map<String, Object> figures = new LinkedHashMap<>();
        if (failure instanceof ReplyTimeoutException) {
            figures.put("seconds", seconds(options.timeout()));
            findings.add(CheckId.GREETING_DELAY, Verdict.FAIL, "fail.silent", figures, lines.subList(
                    lines.indexOf(connected + 1), lines.size()));
        } else {
            figures.put("reason", reason(failure));
            findings.add(CheckId.GREETING_DELAY, Verdict.FAIL, "fail.closed", figures,
                    lines.subList(lines.indexOf(connected + 1), lines.size()));
        }
    }

    /** The {@code connect} verdict once the connection stands; {@code connected} is the "Connected to" note's sequence. */
    void connectPassed(int mark, int connected) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("host", target.uri().host());
        figures.put("port", target.uri().port());
        figures.put("milliseconds", timeline.between(mark, connected).toMillis());
        findings.add(CheckId.CONNECT, Verdict.PASS, "pass", figures, since(mark, TranscriptEvent::isNote).stream()
                .filter(line -> line <= connected + 1).toList());
    }

    /**
     * The {@code greeting.delay} verdict when a greeting came: how long after the connection stood, a slow one told
     * apart as deliberate; a refusal ({@code 421}, {@code 554}, {@code -ERR}) is a failure of its own.
     */
    void greeted(int mark, boolean refused, String reply) {
        int connected = connectedLine(mark);
        connectPassed(mark, connected);
        int first = firstServerLine(connected);
        Duration delay = timeline.between(connected, first);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("milliseconds", delay.toMillis());
        figures.put("seconds", seconds(delay));
        List<Integer> lines = since(connected + 1, event -> event.direction() == Direction.SERVER);
        if (refused) {
            figures.put("reply", reply);
            findings.add(CheckId.GREETING_DELAY, Verdict.FAIL, "fail.refused", figures, lines);
        } else if (delay.compareTo(options.slowGreeting()) > 0) {
            findings.add(CheckId.GREETING_DELAY, Verdict.INFO, "info.slow", figures, lines);
        } else {
            findings.add(CheckId.GREETING_DELAY, Verdict.PASS, "pass", figures, lines);
        }
    }

    /** The three certificate verdicts from a completed handshake; {@code evidence} is the TLS note. */
    void certificates(TlsReport report, List<Integer> evidence) {
        Map<String, Object> trust = new LinkedHashMap<>();
        if (!report.chain().isEmpty()) {
            trust.put("subject", report.chain().get(0).subject());
            trust.put("issuer", report.chain().get(0).issuer());
        }
        if (report.chainTrusted()) {
            findings.add(CheckId.CERTIFICATE_TRUSTED, Verdict.PASS, "pass", trust, evidence);
        } else {
            trust.put("problem", report.trustProblem().isEmpty() ? "no certificate" : report.trustProblem());
            findings.add(CheckId.CERTIFICATE_TRUSTED, Verdict.FAIL, "fail", trust, evidence);
        }
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("name", target.name());
        if (!report.chain().isEmpty()) {
            names.put("names", String.join(", ", report.chain().get(0).subjectAltNames()));
        }
        if (target.byAddress()) {
            findings.add(CheckId.CERTIFICATE_HOSTNAME, Verdict.INFO, "info.address", names, evidence);
        } else if (report.hostNameMatches()) {
            findings.add(CheckId.CERTIFICATE_HOSTNAME, Verdict.PASS, "pass", names, evidence);
        } else {
            findings.add(CheckId.CERTIFICATE_HOSTNAME, Verdict.FAIL, "fail", names, evidence);
        }
        if (report.chain().isEmpty()) {
            findings.skip(CheckId.CERTIFICATE_EXPIRY, "no-tls");
            return;
        }
        Instant notAfter = report.chain().get(0).notAfter();
        Duration left = Duration.between(options.clock().instant(), notAfter);
        Map<String, Object> expiry = new LinkedHashMap<>();
        expiry.put("notAfter", notAfter.truncatedTo(ChronoUnit.SECONDS).toString());
        expiry.put("days", left.toDays());
        if (left.isNegative()) {
            expiry.put("days", -left.toDays());
            findings.add(CheckId.CERTIFICATE_EXPIRY, Verdict.FAIL, "fail", expiry, evidence);
        } else if (left.compareTo(DiagnosisOptions.EXPIRY_WARNING) < 0) {
            findings.add(CheckId.CERTIFICATE_EXPIRY, Verdict.WARN, "warn", expiry, evidence);
        } else {
            findings.add(CheckId.CERTIFICATE_EXPIRY, Verdict.PASS, "pass", expiry, evidence);
        }
    }

    void skipCertificates(String reason) {
        findings.skip(CheckId.CERTIFICATE_TRUSTED, reason);
        findings.skip(CheckId.CERTIFICATE_HOSTNAME, reason);
        findings.skip(CheckId.CERTIFICATE_EXPIRY, reason);
    }

    /**
     * The {@code syntax} verdict over the whole conversation: replies that were no replies at all, then server lines
     * that break the line rules (a bare LF above all).
     */
    void syntax() {
        List<Integer> broken = new ArrayList<>();
        for (TranscriptEvent event : transcript.events()) {
            if (event.direction() == Direction.SERVER
                    && event.issues().stream().anyMatch(LINE_RULE_BREAKS::contains)) {
                broken.add((int) event.sequence() + 1);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        if (!garbage.isEmpty()) {
            figures.put("lines", garbage.size());
            findings.add(CheckId.SYNTAX, Verdict.FAIL, "fail.garbage", figures, garbage);
        } else if (!broken.isEmpty()) {
            figures.put("lines", broken.size());
            findings.add(CheckId.SYNTAX, Verdict.WARN, "warn.line-endings", figures, broken);
        } else if (transcript.events().stream().anyMatch(event -> event.direction() == Direction.SERVER)) {
            findings.add(CheckId.SYNTAX, Verdict.PASS, "pass", figures, List.of());
        } else {
            findings.skip(CheckId.SYNTAX, "no-connection");
        }
    }

    /** The finished diagnosis. */
    Diagnosis finish() {
        syntax();
        List<ReportLine> lines = new ArrayList<>();
        for (TranscriptEvent event : transcript.events()) {
            lines.add(ReportLine.of(event));
        }
        return new Diagnosis(target.label(), started, findings.results(), lines, transcript, target.uri());
    }

    // ---- helpers

    /** The sequence of the "Connected to" note after {@code mark}, or -1. */
    int connectedLine(int mark) {
        for (int sequence = mark, size = transcript.size(); sequence < size; sequence++) {
            TranscriptEvent event = transcript.event(sequence);
            if (event.isNote() && event.line().startsWith("Connected to ")) {
                return sequence;
            }
        }
        return -1;
    }

    private int firstServerLine(int after) {
        for (int sequence = after + 1, size = transcript.size(); sequence < size; sequence++) {
            if (transcript.event(sequence).direction() == Direction.SERVER) {
                return sequence;
            }
        }
        return after;
    }

    private String lastNote(int mark) {
        String note = "";
        for (int sequence = mark, size = transcript.size(); sequence < size; sequence++) {
            TranscriptEvent event = transcript.event(sequence);
            if (event.isNote()) {
                note = event.line();
            }
        }
        return note;
    }

    /** A failure in the words a report can show: the session's own message, never a stack trace. */
    static String reason(IOException failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "the connection failed" : message;
    }

    /** Seconds to a tenth, as a number: {@code 30.0}. */
    static double seconds(Duration duration) {
        return Math.round(duration.toMillis() / 100.0) / 10.0;
    }
}
