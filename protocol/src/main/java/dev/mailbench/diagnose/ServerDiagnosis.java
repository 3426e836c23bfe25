package dev.mailbench.diagnose;

import dev.mailbench.tls.TlsReport;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ClientSession;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.TlsMode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SMTP and the POP3 diagnosis share: one conversation with its deadline, the TLS layer that names the
 * server, how a run ends (a lost connection, the time up, a fault of Mailbench's), and the verdicts a broken
 * command or an upgraded connection gives whatever the protocol.
 */
abstract class ServerDiagnosis {

    private static final Logger LOG = LoggerFactory.getLogger(ServerDiagnosis.class);

    /** The longest a connection may take to open, within the diagnosis's time. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    /** Thrown when the connection broke off (the check it happened in has its verdict): the rest is skipped. */
    static final class Lost extends Exception {
        private static final long serialVersionUID = 1L;

        Lost() {
            super(null, null, false, false);
        }
    }

    final Conversation c;
    final NamedTlsLayer tls;
    final boolean implicit;

    ServerDiagnosis(ServerTarget target, DiagnosisOptions options, MailProtocol protocol) {
        this.c = new Conversation(target, options, protocol);
        this.tls = new NamedTlsLayer(options.tls(), target.name());
        this.implicit = target.uri().tlsMode() == TlsMode.IMPLICIT;
    }

    /** The checks in their order; throws when the conversation cannot go on. */
    abstract void steps() throws Lost, Deadline.Passed;

    /** Sends QUIT when the connection is still open, and waits for its answer within the deadline. */
    abstract void quit() throws Deadline.Passed;

    /** The client session of the conversation; null before the first connection. */
    abstract ClientSession<?> session();

    /** Runs the steps; never throws for anything the server does. */
    final Diagnosis run() {
        try {
            steps();
        } catch (Lost e) {
            c.findings.skipRest("no-connection");
        } catch (Deadline.Passed e) {
            c.transcript.note("The diagnosis's time is up: the remaining checks are skipped.");
            c.findings.skipRest("timeout");
        } catch (RuntimeException e) {
            // a fault of Mailbench's, not the server's: the verdicts so far stand, the report says where it stopped
            LOG.error("The diagnosis of {} stopped", c.target.label(), e);
            c.transcript.note("The diagnosis stopped on an error in Mailbench: " + e);
            // never a report of nothing but skips that reads as a clean bill: connect, if not judged, says it
            c.findings.add(CheckId.CONNECT, Verdict.FAIL, "fail.mailbench-error", Map.of("error", String.valueOf(e)),
                    List.of(c.transcript.size()));
            c.findings.skipRest("not-reached");
        } finally {
            ClientSession<?> session = session();
            if (session != null) {
                session.abort();
            }
        }
        return c.finish();
    }

    /** The client's options: replies within the time left, a connection within 15 seconds of it. */
    final ClientOptions clientOptions() throws Deadline.Passed {
        Duration left = c.deadline.remaining();
        Duration connect = left.compareTo(CONNECT_TIMEOUT) < 0 ? left : CONNECT_TIMEOUT;
        return ClientOptions.defaults(tls).withReplyTimeout(left).withConnectTimeout(connect)
                .withImplicitTlsPorts(Set.of());
    }

    final void quietQuit() {
        try {
            quit();
        } catch (Deadline.Passed e) {
            // nothing left to wait for
        }
    }

    /** The "TLS established" note after {@code mark}: the line a certificate verdict rests on. */
    final List<Integer> tlsNotes(int mark) {
        return c.since(mark, event -> event.isNote() && event.line().startsWith("TLS established"));
    }

    /**
     * The figures of a login, with the user, when one is to be tried: none (the check skipped) when no user and
     * password were given, or when the connection is not encrypted, so a password would cross in plain text.
     */
    final Optional<Map<String, Object>> loginFigures(boolean secure) {
        if (c.options.user().isEmpty() || c.options.password().isEmpty()) {
            c.findings.skip(CheckId.AUTH_LOGIN, "no-user");
            return Optional.empty();
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("user", c.options.user().get());
        if (!secure) {
            c.findings.add(CheckId.AUTH_LOGIN, Verdict.SKIP, "skip.cleartext", figures, List.of());
            return Optional.empty();
        }
        return Optional.of(figures);
    }

    /** On a connection that began in TLS: the certificate's verdicts, from the handshake. */
    final void implicitCertificates() {
        tls.lastReport().ifPresentOrElse(report -> c.certificates(report, tlsNotes(0)),
                () -> c.skipCertificates("no-tls"));
    }

    /** A greeting that cannot be read as one: its verdict, and the conversation ends. */
    final Lost garbledGreeting(int mark, String reply) {
        int connected = c.connectedLine(mark);
        c.connectPassed(mark, connected);
        List<Integer> lines = c.since(connected + 1, event -> event.direction() == Direction.SERVER);
        c.garbage(lines);
        c.findings.add(CheckId.GREETING_DELAY, Verdict.FAIL, "fail.garbage", Map.of("reply", reply), lines);
        quietQuit();
        return new Lost();
    }

    /** The greeting's verdicts; a server that refuses the client in it ends the conversation. */
    final void greeted(int mark, boolean refused, String reply) throws Lost {
        c.greeted(mark, refused, reply);
        if (refused) {
            quietQuit();
            throw new Lost();
        }
    }

    /** An upgrade to TLS (STARTTLS, STLS) the server refused: the connection goes on in plain text. */
    final void upgradeRefused(CheckId check, Map<String, Object> figures, String reply, int mark) {
        figures.put("reply", reply);
        c.findings.add(check, Verdict.FAIL, "fail.refused", figures, c.since(mark));
        c.skipCertificates("no-tls");
    }

    /** An upgrade to TLS that came up (STARTTLS, STLS): its verdict, then the certificate's. */
    final void upgraded(CheckId check, Map<String, Object> figures, int mark) {
        TlsReport report = tls.lastReport().orElseThrow();
        figures.put("protocol", report.protocol());
        figures.put("cipher", report.cipherSuite());
        c.findings.add(check, Verdict.PASS, "pass", figures, c.since(mark));
        c.certificates(report, tlsNotes(mark));
    }

    /** A command whose reply cannot be read: the verdict of {@code check}, and the conversation ends. */
    final Lost garbage(CheckId check, int mark, String reply, List<Integer> evidence) {
        c.garbage(c.since(mark, event -> event.direction() == Direction.SERVER));
        c.findings.add(check, Verdict.FAIL, "lost.garbage", Map.of("reply", reply), evidence);
        quietQuit();
        return new Lost();
    }

    /** A command that got no reply (the time is up, the connection closed): the verdict of {@code check}. */
    final Lost lost(CheckId check, int mark, IOException e, List<Integer> evidence) {
        evidence.addAll(c.since(mark));
        c.findings.add(check, Verdict.FAIL, e instanceof ReplyTimeoutException ? "lost.timeout" : "lost.closed",
                Map.of("reason", Conversation.reason(e)), evidence);
        return new Lost();
    }
}
