package dev.mailbench.diagnose;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.TlsMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Diagnoses a POP3 server in one conversation: the greeting, CAPA, STLS, CAPA again, a login when a user was given,
 * and QUIT; then, where TLS worked, a second connection that offers only TLS 1.0 and 1.1 ({@link LegacyTlsProbe}).
 * It reads no message, lists none and deletes none: after a login the only command is QUIT.
 */
public final class Pop3Diagnosis extends ServerDiagnosis {

    private Pop3ClientSession session;

    private Pop3Diagnosis(ServerTarget target, DiagnosisOptions options) {
        super(target, options, MailProtocol.POP3);
    }

    /** Runs every POP3 check against {@code target}; never throws for anything the server does. */
    public static Diagnosis run(ServerTarget target, DiagnosisOptions options) {
        return new Pop3Diagnosis(target, options).run();
    }

    @Override
    Pop3ClientSession session() {
        return session;
    }

    @Override
    void steps() throws Lost, Deadline.Passed {
        open();
        List<String> plain = capa(true);
        boolean secure = implicit;
        List<String> last = plain;
        if (implicit) {
            c.findings.skip(CheckId.STLS_OFFERED, "implicit");
            c.findings.skip(CheckId.STLS_WORKS, "implicit");
            implicitCertificates();
        } else {
            int capaMark = lastCommand(Pop3Verb.CAPA.keyword());
            if (plain != null && plain.contains("STLS")) {
                c.findings.add(CheckId.STLS_OFFERED, Verdict.PASS, "pass", Map.of(), capaLines(capaMark, "STLS"));
                List<String> upgraded = stls();
                secure = upgraded != null;
                last = upgraded != null ? upgraded : plain;
            } else {
                c.findings.add(CheckId.STLS_OFFERED, Verdict.FAIL, "fail", Map.of(), capaLines(capaMark, null));
                c.findings.skip(CheckId.STLS_WORKS, "no-tls");
                c.skipCertificates("no-tls");
            }
        }
        login(last, secure);
        if (secure) {
            LegacyTlsProbe.check(c, implicit);
        } else {
            c.findings.skip(CheckId.TLS_PROTOCOLS, "no-tls");
        }
        quit();
    }

    private void open() throws Lost, Deadline.Passed {
        session = new Pop3ClientSession(c.transcript, clientOptions());
        int mark = c.mark();
        Pop3Reply greeting;
        try {
            greeting = session.connect(c.target.uri().host(), c.target.uri().port(),
                    implicit ? TlsMode.IMPLICIT : TlsMode.NONE);
        } catch (IOException e) {
            c.connectFailed(mark, e);
            throw new Lost();
        }
        int connected = c.connectedLine(mark);
        List<Integer> greetingLines = c.since(connected + 1, event -> event.direction() == Direction.SERVER);
        if (greeting.status() == Pop3Reply.Status.MALFORMED) {
            throw garbledGreeting(mark, greeting.text());
        }
        greeted(mark, !greeting.isOk(), greeting.status().indicator() + " " + greeting.text());
        Map<String, Object> figures = new LinkedHashMap<>();
        session.apopTimestamp().ifPresentOrElse(stamp -> {
            figures.put("timestamp", stamp);
            c.findings.add(CheckId.APOP, Verdict.WARN, "warn", figures, greetingLines);
        }, () -> c.findings.add(CheckId.APOP, Verdict.PASS, "pass", figures, greetingLines));
    }

    /** CAPA: the capability names, upper-cased, or null when the server has no CAPA. */
    private List<String> capa(boolean beforeTls) throws Lost, Deadline.Passed {
        List<Integer> lines = new ArrayList<>();
        Pop3Reply reply = ask(CheckId.CAPA, Pop3Verb.CAPA.line(), lines);
        Map<String, Object> figures = new LinkedHashMap<>();
        if (!reply.isOk()) {
            if (beforeTls) {
                figures.put("reply", "-ERR " + reply.text());
                c.findings.add(CheckId.CAPA, Verdict.WARN, "warn", figures, lines);
                c.findings.add(CheckId.AUTH_CLEARTEXT, Verdict.INFO, "info.unknown", figures, lines);
            }
            return null;
        }
        List<String> names = new ArrayList<>();
        List<String> body = reply.bodyLines();
        for (String line : body) {
            String name = line.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
            names.add(name);
        }
        if (beforeTls) {
            figures.put("capabilities", String.join(" ", names));
            c.findings.add(CheckId.CAPA, Verdict.PASS, "pass", figures, lines);
            cleartext(body, lines);
        }
        return names;
    }

    /** USER (RFC 1939 §7) or SASL PLAIN/LOGIN (RFC 5034) offered on a connection without TLS: a password in clear. */
    private void cleartext(List<String> body, List<Integer> capaLines) {
        int capaMark = lastCommand(Pop3Verb.CAPA.keyword());
        List<String> found = new ArrayList<>();
        for (String line : body) {
            String[] words = line.strip().toUpperCase(Locale.ROOT).split("\\s+");
            if (words[0].equals("USER")) {
                found.add("USER");
            } else if (words[0].equals("SASL")) {
                for (int i = 1; i < words.length; i++) {
                    if (words[i].equals("PLAIN") || words[i].equals("LOGIN")) {
                        found.add("SASL " + words[i]);
                    }
                }
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mechanisms", String.join(", ", found));
        if (implicit) {
            c.findings.add(CheckId.AUTH_CLEARTEXT, Verdict.PASS, "pass.tls", figures, capaLines);
        } else if (found.isEmpty()) {
            c.findings.add(CheckId.AUTH_CLEARTEXT, Verdict.PASS, "pass", figures, capaLines);
        } else {
            List<Integer> lines = new ArrayList<>(capaLines(capaMark, "USER"));
            lines.addAll(capaLines(capaMark, "SASL"));
            c.findings.add(CheckId.AUTH_CLEARTEXT, Verdict.FAIL, "fail", figures, lines);
        }
    }

    private List<String> stls() throws Lost, Deadline.Passed {
        int mark = c.mark();
        Pop3Reply reply;
        try {
            reply = c.await(session.send(Pop3Verb.STLS.line()));
        } catch (ReplyTimeoutException e) {
            c.findings.add(CheckId.STLS_WORKS, Verdict.FAIL, "lost.timeout",
                    Map.of("reason", Conversation.reason(e)), c.since(mark));
            throw new Lost();
        } catch (IOException e) {
            c.findings.add(CheckId.STLS_WORKS, Verdict.FAIL, "fail.handshake",
                    Map.of("reason", Conversation.reason(e)), c.since(mark));
            c.skipCertificates("no-tls");
            c.findings.skip(CheckId.AUTH_LOGIN, "no-tls");
            throw new Lost();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        if (!reply.isOk() || !session.isTls()) {
            upgradeRefused(CheckId.STLS_WORKS, figures, reply.status().indicator() + " " + reply.text(), mark);
            return null;
        }
        upgraded(CheckId.STLS_WORKS, figures, mark);
        return capa(false);
    }

    private void login(List<String> capabilities, boolean secure) throws Lost, Deadline.Passed {
        Map<String, Object> figures = loginFigures(secure).orElse(null);
        if (figures == null) {
            return;
        }
        String user = c.options.user().orElseThrow();
        List<Integer> lines = new ArrayList<>();
        Pop3Reply reply = ask(CheckId.AUTH_LOGIN, Pop3Verb.USER.line(user), lines);
        if (reply.isOk()) {
            reply = ask(CheckId.AUTH_LOGIN, Pop3Verb.PASS.line(c.options.password().get()), lines);
        }
        figures.put("reply", reply.status().indicator() + " " + reply.text());
        c.findings.add(CheckId.AUTH_LOGIN, reply.isOk() ? Verdict.PASS : Verdict.FAIL, reply.isOk() ? "pass" : "fail",
                figures, lines);
    }

    @Override
    void quit() throws Deadline.Passed {
        if (!session.isConnected()) {
            return; // the server has closed: a QUIT would wait for an answer that cannot come
        }
        try {
            c.await(session.send(Pop3Verb.QUIT.line()));
        } catch (IOException e) {
            // the verdicts are in
        }
    }

    private int lastCommand(String keyword) {
        for (int sequence = c.transcript.size() - 1; sequence >= 0; sequence--) {
            var event = c.transcript.event(sequence);
            if (event.direction() == Direction.CLIENT && event.line().toUpperCase(Locale.ROOT).startsWith(keyword)) {
                return sequence;
            }
        }
        return c.transcript.size();
    }

    /** The lines of the CAPA response after {@code capaMark} naming {@code name}, or all of them. */
    private List<Integer> capaLines(int capaMark, String name) {
        List<Integer> all = new ArrayList<>();
        List<Integer> named = new ArrayList<>();
        for (int sequence = capaMark + 1, size = c.transcript.size(); sequence < size; sequence++) {
            var event = c.transcript.event(sequence);
            if (event.direction() == Direction.CLIENT) {
                break;
            }
            if (event.direction() == Direction.SERVER) {
                all.add(sequence + 1);
                if (name != null && event.line().toUpperCase(Locale.ROOT).startsWith(name)) {
                    named.add(sequence + 1);
                }
            }
        }
        return named.isEmpty() ? all : named;
    }

    private Pop3Reply ask(CheckId check, String line, List<Integer> evidence) throws Lost, Deadline.Passed {
        int mark = c.mark();
        try {
            Pop3Reply reply = c.await(session.send(line));
            evidence.addAll(c.since(mark));
            if (c.cutOff(mark)) {
                c.findings.add(check, Verdict.FAIL, "lost.closed",
                        Map.of("reason", "the connection ended in the middle of the response"), evidence);
                throw new Lost();
            }
            if (reply.status() == Pop3Reply.Status.MALFORMED) {
                throw garbage(check, mark, reply.text(), evidence);
            }
            return reply;
        } catch (IOException e) {
            throw lost(check, mark, e, evidence);
        }
    }
}
