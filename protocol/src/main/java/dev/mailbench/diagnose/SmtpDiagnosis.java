package dev.mailbench.diagnose;

import dev.mailbench.sasl.SaslClientMechanism;
import dev.mailbench.smtp.EhloCapabilities;
import dev.mailbench.smtp.ReplyIssue;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.ConnectionClosedException;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.TlsMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Diagnoses an SMTP server in one conversation (two when STARTTLS breaks it): the banner, EHLO, VRFY and EXPN, a
 * MAIL FROM before STARTTLS, STARTTLS, EHLO again, a transaction that names the postmaster and a recipient at
 * {@code relay-test.invalid} and is then reset, a login when a user was given, and QUIT. It never sends DATA: no
 * message is ever sent.
 */
public final class SmtpDiagnosis extends ServerDiagnosis {

    /** A host name with at least two labels (RFC 1035 §2.3.1), to take a mail domain from. */
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+\\.?");

    /** RFC 2606 §2: a domain that cannot exist, so a server that accepts it relays for anyone. */
    static final String RELAY_TEST_RECIPIENT = "mailbench@relay-test.invalid";

    /** The null reverse-path (RFC 5321 §4.5.5): every server must accept it, so refusing it says something. */
    private static final String NULL_SENDER = "";

    private static final Set<ReplyIssue> GARBAGE = EnumSet.of(ReplyIssue.NO_CODE, ReplyIssue.CODE_MISMATCH,
            ReplyIssue.BAD_SEPARATOR, ReplyIssue.INVALID_CODE);

    /** The reason a reply the connection ended in the middle of gives. */
    private static final String CUT_OFF = "the connection ended in the middle of the reply";

    private SmtpClientSession session;
    private String mailDomain;
    /** Whether STARTTLS was accepted and its handshake failed: the connection is then beyond use. */
    private boolean handshakeFailed;

    private SmtpDiagnosis(ServerTarget target, DiagnosisOptions options) {
        super(target, options, MailProtocol.SMTP);
        this.mailDomain = target.mailDomain();
    }

    /** Runs every SMTP check against {@code target}; never throws for anything the server does. */
    public static Diagnosis run(ServerTarget target, DiagnosisOptions options) {
        return new SmtpDiagnosis(target, options).run();
    }

    @Override
    SmtpClientSession session() {
        return session;
    }

    @Override
    void steps() throws Lost, Deadline.Passed {
        EhloCapabilities plain = open();
        capabilities(plain);
        probeAddresses();
        EhloCapabilities last = plain;
        boolean secure = implicit;
        if (implicit) {
            c.findings.skip(CheckId.STARTTLS_REQUIRED, "implicit");
            c.findings.skip(CheckId.STARTTLS_WORKS, "implicit");
            implicitCertificates();
        } else if (plain.has("STARTTLS")) {
            mailBeforeStartTls();
            EhloCapabilities upgraded = startTls();
            secure = upgraded != null;
            last = upgraded != null ? upgraded : handshakeFailed ? reopen() : plain;
        } else {
            c.findings.skip(CheckId.STARTTLS_REQUIRED, "no-tls");
            c.findings.skip(CheckId.STARTTLS_WORKS, "no-tls");
            c.skipCertificates("no-tls");
        }
        mechanisms(last);
        transaction();
        login(last, secure);
        if (secure) {
            LegacyTlsProbe.check(c, implicit);
        } else {
            c.findings.skip(CheckId.TLS_PROTOCOLS, "no-tls");
        }
        quit();
    }

    // ---- connecting

    private SmtpClientSession newSession() throws Deadline.Passed {
        return new SmtpClientSession(c.transcript, clientOptions());
    }

    /** Connects, judges the banner, and says EHLO (HELO if EHLO is refused). */
    private EhloCapabilities open() throws Lost, Deadline.Passed {
        session = newSession();
        int mark = c.mark();
        SmtpReply greeting;
        try {
            greeting = session.connect(c.target.uri().host(), c.target.uri().port(),
                    implicit ? TlsMode.IMPLICIT : TlsMode.NONE);
        } catch (IOException e) {
            c.connectFailed(mark, e);
            throw new Lost();
        }
        if (greeting.issues().contains(ReplyIssue.TRUNCATED)) {
            c.connectFailed(mark, new ConnectionClosedException(CUT_OFF));
            throw new Lost();
        }
        if (isGarbage(greeting)) {
            throw garbledGreeting(mark, greeting.text());
        }
        greeted(mark, greeting.code() != 220, greeting.code() + " " + greeting.text());
        bannerName(greeting, mark);
        return ehlo();
    }

    private void bannerName(SmtpReply greeting, int mark) {
        String first = greeting.lines().isEmpty() ? "" : greeting.lines().get(0).strip();
        String announced = first.isEmpty() ? "" : first.split("\\s+")[0];
        List<Integer> lines = c.since(mark, event -> event.direction() == Direction.SERVER);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("banner", announced);
        figures.put("name", c.target.name());
        if (mailDomain.isEmpty() && HOST_NAME.matcher(announced).matches() && !ServerTarget.isAddress(announced)) {
            mailDomain = ServerTarget.domainOf(announced);
        }
        if (c.target.byAddress()) {
            c.findings.add(CheckId.GREETING_HOSTNAME, Verdict.INFO, "info.address", figures, lines);
        } else if (sameName(announced, c.target.name())) {
            c.findings.add(CheckId.GREETING_HOSTNAME, Verdict.PASS, "pass", figures, lines);
        } else {
            c.findings.add(CheckId.GREETING_HOSTNAME, Verdict.WARN, "warn", figures, lines);
        }
    }

    private static boolean sameName(String a, String b) {
        return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private EhloCapabilities ehlo() throws Lost, Deadline.Passed {
        List<Integer> lines = new ArrayList<>();
        SmtpReply reply = ask(CheckId.EHLO, SmtpVerb.EHLO.line(c.options.clientName()), lines);
        Map<String, Object> figures = new LinkedHashMap<>();
        if (reply.code() == 250) {
            // read from the reply itself: a reply with bare LFs is still read (the syntax check reports them)
            EhloCapabilities capabilities = EhloCapabilities.parse(reply);
            figures.put("extensions", capabilities.keywords().size());
            figures.put("keywords", String.join(" ", capabilities.keywords()));
            c.findings.add(CheckId.EHLO, Verdict.PASS, "pass", figures, lines);
            return capabilities;
        }
        figures.put("reply", reply.code() + " " + reply.message());
        SmtpReply helo = ask(CheckId.EHLO, SmtpVerb.HELO.line(c.options.clientName()), lines);
        if (helo.code() == 250) {
            c.findings.add(CheckId.EHLO, Verdict.WARN, "warn.helo-only", figures, lines);
        } else {
            c.findings.add(CheckId.EHLO, Verdict.FAIL, "fail", figures, lines);
        }
        return EhloCapabilities.none();
    }

    /** Reconnects in plain text after a TLS handshake that broke the connection, so the other checks still run. */
    private EhloCapabilities reopen() throws Lost, Deadline.Passed {
        session.abort();
        c.transcript.note("Connecting again without TLS, for the checks that remain.");
        session = newSession();
        try {
            session.connect(c.target.uri().host(), c.target.uri().port(), TlsMode.NONE);
        } catch (IOException e) {
            throw new Lost();
        }
        List<Integer> ignored = new ArrayList<>();
        return EhloCapabilities.parse(ask(CheckId.EHLO, SmtpVerb.EHLO.line(c.options.clientName()), ignored));
    }

    // ---- what EHLO says

    private void capabilities(EhloCapabilities caps) {
        int ehloMark = lastEhloReply();
        Map<String, Object> size = new LinkedHashMap<>();
        OptionalLong max = caps.maxSize();
        if (max.isPresent() && max.getAsLong() > 0) {
            size.put("octets", max.getAsLong());
            size.put("megabytes", Math.round(max.getAsLong() / 104_857.6) / 10.0);
            c.findings.add(CheckId.SIZE_LIMIT, Verdict.INFO, "info", size, keywordLines(ehloMark, "SIZE"));
        } else if (max.isPresent()) {
            c.findings.add(CheckId.SIZE_LIMIT, Verdict.INFO, "info.unlimited", size, keywordLines(ehloMark, "SIZE"));
        } else {
            c.findings.add(CheckId.SIZE_LIMIT, Verdict.INFO, "info.absent", size, ehloLines(ehloMark));
        }
        offered(caps, ehloMark, "PIPELINING", CheckId.PIPELINING);
        offered(caps, ehloMark, "ENHANCEDSTATUSCODES", CheckId.ENHANCED_STATUS_CODES);
        offered(caps, ehloMark, "SMTPUTF8", CheckId.SMTPUTF8);
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("mechanisms", String.join(" ", caps.authMechanisms()));
        if (implicit) {
            c.findings.add(CheckId.AUTH_CLEARTEXT, Verdict.PASS, "pass.tls", auth, ehloLines(ehloMark));
        } else if (caps.has("AUTH")) {
            c.findings.add(CheckId.AUTH_CLEARTEXT, Verdict.FAIL, "fail", auth, keywordLines(ehloMark, "AUTH"));
        } else {
            c.findings.add(CheckId.AUTH_CLEARTEXT, Verdict.PASS, "pass", auth, ehloLines(ehloMark));
        }
        if (implicit) {
            c.findings.skip(CheckId.STARTTLS_OFFERED, "implicit");
        } else if (caps.has("STARTTLS")) {
            c.findings.add(CheckId.STARTTLS_OFFERED, Verdict.PASS, "pass", Map.of(), keywordLines(ehloMark, "STARTTLS"));
        } else {
            c.findings.add(CheckId.STARTTLS_OFFERED, Verdict.FAIL, "fail", Map.of(), ehloLines(ehloMark));
        }
    }

    private void offered(EhloCapabilities caps, int ehloMark, String keyword, CheckId id) {
        if (caps.has(keyword)) {
            c.findings.add(id, Verdict.PASS, "pass", Map.of(), keywordLines(ehloMark, keyword));
        } else {
            c.findings.add(id, Verdict.INFO, "info.absent", Map.of(), ehloLines(ehloMark));
        }
    }

    private void mechanisms(EhloCapabilities caps) {
        int ehloMark = lastEhloReply();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mechanisms", String.join(" ", caps.authMechanisms()));
        if (caps.authMechanisms().isEmpty()) {
            c.findings.add(CheckId.AUTH_MECHANISMS, Verdict.INFO, "info.none", figures, ehloLines(ehloMark));
        } else {
            c.findings.add(CheckId.AUTH_MECHANISMS, Verdict.INFO, "info", figures, keywordLines(ehloMark, "AUTH"));
        }
    }

    /** The sequence of the last EHLO command line, from which its reply's lines are read. */
    private int lastEhloReply() {
        for (int sequence = c.transcript.size() - 1; sequence >= 0; sequence--) {
            var event = c.transcript.event(sequence);
            if (event.direction() == Direction.CLIENT && SmtpVerb.EHLO.keyword().equals(SmtpVerb.firstWord(event.line()))) {
                return sequence;
            }
        }
        return c.transcript.size();
    }

    private List<Integer> ehloLines(int ehloMark) {
        List<Integer> lines = new ArrayList<>();
        for (int sequence = ehloMark + 1, size = c.transcript.size(); sequence < size; sequence++) {
            var event = c.transcript.event(sequence);
            if (event.direction() == Direction.CLIENT) {
                break;
            }
            if (event.direction() == Direction.SERVER) {
                lines.add(sequence + 1);
            }
        }
        return lines;
    }

    /** The EHLO reply lines whose keyword is {@code keyword} (RFC 5321 §4.1.1.1: the first word after the code). */
    private List<Integer> keywordLines(int ehloMark, String keyword) {
        List<Integer> lines = new ArrayList<>();
        for (int line : ehloLines(ehloMark)) {
            String text = c.transcript.event(line - 1).line();
            String rest = text.length() > 4 ? text.substring(4).strip() : "";
            String first = rest.split("[\\s=]+")[0].toUpperCase(Locale.ROOT);
            if (first.equals(keyword)) {
                lines.add(line);
            }
        }
        return lines.isEmpty() ? ehloLines(ehloMark) : lines;
    }

    // ---- probes

    /** VRFY and EXPN of the postmaster, whom every server has (RFC 5321 §4.5.1): an answer that names it reveals users. */
    private void probeAddresses() throws Lost, Deadline.Passed {
        enumeration(CheckId.VRFY_ENUMERATION, SmtpVerb.VRFY.line("postmaster"));
        enumeration(CheckId.EXPN_ENUMERATION, SmtpVerb.EXPN.line("postmaster"));
    }

    private void enumeration(CheckId id, String line) throws Lost, Deadline.Passed {
        List<Integer> lines = new ArrayList<>();
        SmtpReply reply = ask(id, line, lines);
        Map<String, Object> figures = Map.of("reply", reply.code() + " " + reply.message());
        if (reply.code() == 250 || reply.code() == 251) {
            c.findings.add(id, Verdict.WARN, "warn", figures, lines);
        } else if (reply.code() == 252) {
            c.findings.add(id, Verdict.PASS, "pass.252", figures, lines);
        } else {
            c.findings.add(id, Verdict.PASS, "pass", figures, lines);
        }
    }

    /** MAIL FROM before STARTTLS, then RSET: does the server take mail in plain text? */
    private void mailBeforeStartTls() throws Lost, Deadline.Passed {
        List<Integer> lines = new ArrayList<>();
        SmtpReply reply = ask(CheckId.STARTTLS_REQUIRED, SmtpVerb.MAIL.line(NULL_SENDER, ""), lines);
        ask(CheckId.STARTTLS_REQUIRED, SmtpVerb.RSET.line(), lines);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("reply", reply.code() + " " + reply.message());
        figures.put("port", c.target.uri().port());
        if (reply.isPositive()) {
            boolean relayPort = c.target.uri().port() == 25;
            c.findings.add(CheckId.STARTTLS_REQUIRED, relayPort ? Verdict.INFO : Verdict.WARN,
                    relayPort ? "info.port25" : "warn", figures, lines);
        } else if (reply.code() == 530 || reply.text().toUpperCase(Locale.ROOT).contains("STARTTLS")) {
            c.findings.add(CheckId.STARTTLS_REQUIRED, Verdict.PASS, "pass", figures, lines);
        } else {
            c.findings.add(CheckId.STARTTLS_REQUIRED, Verdict.INFO, "info.other", figures, lines);
        }
    }

    /** STARTTLS and EHLO again; the capabilities after TLS, or null when TLS did not come up. */
    private EhloCapabilities startTls() throws Lost, Deadline.Passed {
        int mark = c.mark();
        SmtpReply reply;
        try {
            reply = c.await(session.send(SmtpVerb.STARTTLS.line()).orElseThrow());
        } catch (ReplyTimeoutException e) {
            c.findings.add(CheckId.STARTTLS_WORKS, Verdict.FAIL, "lost.timeout",
                    Map.of("reason", Conversation.reason(e)), c.since(mark));
            throw new Lost();
        } catch (IOException e) {
            c.findings.add(CheckId.STARTTLS_WORKS, Verdict.FAIL, "fail.handshake",
                    Map.of("reason", Conversation.reason(e)), c.since(mark));
            c.skipCertificates("no-tls");
            handshakeFailed = true;
            return null;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        if (reply.code() != 220 || !session.isTls()) {
            upgradeRefused(CheckId.STARTTLS_WORKS, figures, reply.code() + " " + reply.message(), mark);
            return null;
        }
        upgraded(CheckId.STARTTLS_WORKS, figures, mark);
        List<Integer> lines = new ArrayList<>();
        return EhloCapabilities.parse(ask(CheckId.EHLO, SmtpVerb.EHLO.line(c.options.clientName()), lines));
    }

    /**
     * MAIL FROM, RCPT TO the postmaster and to an address at relay-test.invalid, RSET: nothing is sent. The sender is
     * the null reverse-path first; a server that then answers RCPT with 503 (it took the empty sender for none) gets
     * one more try with an address at the client's name.
     */
    private void transaction() throws Lost, Deadline.Passed {
        List<Integer> mail = new ArrayList<>();
        SmtpReply from = ask(CheckId.POSTMASTER, SmtpVerb.MAIL.line(NULL_SENDER, ""), mail);
        if (!from.isPositive()) {
            Map<String, Object> figures = Map.of("reply", from.code() + " " + from.message());
            c.findings.add(CheckId.POSTMASTER, Verdict.WARN, "warn.mail-refused", figures, mail);
            c.findings.skip(CheckId.RELAY_OPEN, "mail-refused");
            ask(CheckId.RELAY_OPEN, SmtpVerb.RSET.line(), new ArrayList<>());
            return;
        }
        String postmaster = mailDomain.isEmpty() ? "postmaster" : "postmaster@" + mailDomain;
        List<Integer> lines = new ArrayList<>(mail);
        SmtpReply rcpt = ask(CheckId.POSTMASTER, SmtpVerb.RCPT.line(postmaster), lines);
        if (rcpt.code() == 503) {
            ask(CheckId.POSTMASTER, SmtpVerb.RSET.line(), lines);
            mail.clear();
            from = ask(CheckId.POSTMASTER, SmtpVerb.MAIL.line("mailbench@" + c.options.clientName(), ""), mail);
            lines.addAll(mail);
            if (from.isPositive()) {
                rcpt = ask(CheckId.POSTMASTER, SmtpVerb.RCPT.line(postmaster), lines);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("address", postmaster);
        figures.put("reply", rcpt.code() + " " + rcpt.message());
        if (rcpt.isPositive()) {
            c.findings.add(CheckId.POSTMASTER, Verdict.PASS, "pass", figures, lines);
        } else if (rcpt.isTransient()) {
            c.findings.add(CheckId.POSTMASTER, Verdict.INFO, "info.temporary", figures, lines);
        } else {
            c.findings.add(CheckId.POSTMASTER, Verdict.FAIL, "fail", figures, lines);
        }
        List<Integer> relay = new ArrayList<>(mail);
        SmtpReply open = ask(CheckId.RELAY_OPEN, SmtpVerb.RCPT.line(RELAY_TEST_RECIPIENT), relay);
        ask(CheckId.RELAY_OPEN, SmtpVerb.RSET.line(), relay);
        Map<String, Object> relayFigures = new LinkedHashMap<>();
        relayFigures.put("address", RELAY_TEST_RECIPIENT);
        relayFigures.put("reply", open.code() + " " + open.message());
        if (open.isPositive()) {
            c.findings.add(CheckId.RELAY_OPEN, Verdict.FAIL, "fail", relayFigures, relay);
        } else if (open.isTransient() || open.code() == 503) {
            c.findings.add(CheckId.RELAY_OPEN, Verdict.WARN, "warn.temporary", relayFigures, relay);
        } else {
            c.findings.add(CheckId.RELAY_OPEN, Verdict.PASS, "pass", relayFigures, relay);
        }
    }

    /** AUTH as the given user, only over TLS: a password never crosses in plain text. */
    private void login(EhloCapabilities caps, boolean secure) throws Lost, Deadline.Passed {
        Map<String, Object> figures = loginFigures(secure).orElse(null);
        if (figures == null) {
            return;
        }
        String user = c.options.user().orElseThrow();
        String mechanism = caps.authMechanisms().contains("PLAIN") ? "PLAIN"
                : caps.authMechanisms().contains("LOGIN") ? "LOGIN"
                : caps.authMechanisms().contains("CRAM-MD5") ? "CRAM-MD5" : null;
        if (mechanism == null) {
            figures.put("mechanisms", String.join(" ", caps.authMechanisms()));
            c.findings.add(CheckId.AUTH_LOGIN, Verdict.SKIP, "skip.no-mechanism", figures, List.of());
            return;
        }
        figures.put("mechanism", mechanism);
        int mark = c.mark();
        c.deadline.remaining();
        SmtpReply reply;
        try {
            reply = session.authenticate(SaslClientMechanism.forName(mechanism, user, c.options.password().get()));
        } catch (IOException e) {
            throw lost(CheckId.AUTH_LOGIN, mark, e, new ArrayList<>());
        }
        figures.put("reply", reply.code() + " " + reply.message());
        c.findings.add(CheckId.AUTH_LOGIN, reply.code() == 235 ? Verdict.PASS : Verdict.FAIL,
                reply.code() == 235 ? "pass" : "fail", figures, c.since(mark));
    }

    @Override
    void quit() throws Deadline.Passed {
        if (!session.isConnected()) {
            return; // the server has closed: a QUIT would wait for an answer that cannot come
        }
        try {
            c.await(session.send(SmtpVerb.QUIT.line()).orElseThrow());
        } catch (IOException e) {
            // the verdicts are in; a server that drops the line at QUIT changes none of them
        }
    }

    /**
     * Whether a reply cannot be read as one at all (no code, mixed codes, cut off). A reply whose only fault is in its
     * line endings or length is still read: the {@code syntax} check reports those lines.
     */
    static boolean isGarbage(SmtpReply reply) {
        return reply.issues().stream().anyMatch(GARBAGE::contains);
    }

    /**
     * Sends one command and returns its reply, adding the lines it took to {@code evidence}. A reply that never
     * came, a closed connection or a reply that is no reply at all is the verdict of {@code check}, and ends the
     * conversation.
     */
    private SmtpReply ask(CheckId check, String line, List<Integer> evidence) throws Lost, Deadline.Passed {
        int mark = c.mark();
        try {
            SmtpReply reply = c.await(session.send(line).orElseThrow());
            evidence.addAll(c.since(mark));
            if (reply.issues().contains(ReplyIssue.TRUNCATED)) {
                c.findings.add(check, Verdict.FAIL, "lost.closed", Map.of("reason", CUT_OFF), evidence);
                throw new Lost();
            }
            if (isGarbage(reply)) {
                throw garbage(check, mark, reply.text(), evidence);
            }
            return reply;
        } catch (IOException e) {
            throw lost(check, mark, e, evidence);
        }
    }
}
