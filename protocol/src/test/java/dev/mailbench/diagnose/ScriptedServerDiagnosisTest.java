package dev.mailbench.diagnose;

import static dev.mailbench.diagnose.PracticeServerDiagnosisTest.evidence;
import static dev.mailbench.diagnose.PracticeServerDiagnosisTest.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.TestClock;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis against servers made in the test: one misconfigured in every way the checks look for, and the bad
 * servers of the help desk's day (unknown host, refused port, broken TLS, silence, a connection that breaks off,
 * garbage, bare LFs). Each is a verdict with a plain sentence, never a stack trace.
 */
class ScriptedServerDiagnosisTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
    /** Released when the client has noted its connection: the banner's delay is measured from there. */
    private final CountDownLatch connected = new CountDownLatch(1);
    /** A minute: the test's clock moves 30 seconds for a slow banner, and only waits for silence take real time. */
    private final DiagnosisOptions options = DiagnosisOptions.defaults().withTimeout(Duration.ofSeconds(60))
            .withClock(clock).withTranscriptListener(event -> {
                if (event.isNote() && event.line().startsWith("Connected to ")) {
                    connected.countDown();
                }
            });

    private static ServerTarget smtp(int port) {
        return ServerTarget.of(new ServerAddress("127.0.0.1", port, MailProtocol.SMTP, TlsMode.NONE));
    }

    /**
     * A server that greets after 30 seconds (by the test's clock), offers no STARTTLS but AUTH in clear text, relays
     * for anyone, and answers VRFY with the user's name; every line ends in {@code eol}.
     */
    private ScriptedServer.Script misconfigured(String eol) {
        return c -> {
            try {
                connected.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clock.advance(Duration.ofSeconds(30));
            c.send("220 smtp.example.test ESMTP" + eol);
            for (String verb = c.verb(); verb != null; verb = c.verb()) {
                switch (verb) {
                    case "EHLO" -> c.send("250-smtp.example.test" + eol + "250-AUTH PLAIN LOGIN" + eol
                            + "250-SIZE 10240000" + eol + "250 8BITMIME" + eol);
                    case "VRFY" -> c.send("250 Postmaster <postmaster@example.test>" + eol);
                    case "EXPN" -> c.send("502 5.5.1 EXPN is not available" + eol);
                    case "MAIL", "RCPT", "RSET" -> c.send("250 OK" + eol);
                    case "QUIT" -> {
                        c.send("221 Bye" + eol);
                        return;
                    }
                    default -> c.send("502 Command not implemented" + eol);
                }
            }
        };
    }

    @Test
    void aMisconfiguredServerFailsTheChecksThatLookForItsFaults() throws IOException {
        try (ScriptedServer server = new ScriptedServer(misconfigured("\r\n"))) {
            Diagnosis diagnosis = Diagnoser.diagnose(smtp(server.port()), options);

            assertThat(verdicts(diagnosis)).containsEntry("connect", Verdict.PASS)
                    .containsEntry("greeting.delay", Verdict.INFO)
                    .containsEntry("starttls.offered", Verdict.FAIL).containsEntry("starttls.works", Verdict.SKIP)
                    .containsEntry("tls.certificate.trusted", Verdict.SKIP)
                    .containsEntry("auth.cleartext", Verdict.FAIL).containsEntry("relay.open", Verdict.FAIL)
                    .containsEntry("vrfy.enumeration", Verdict.WARN).containsEntry("expn.enumeration", Verdict.PASS)
                    .containsEntry("postmaster", Verdict.PASS).containsEntry("pipelining", Verdict.INFO)
                    .containsEntry("syntax", Verdict.PASS);
            assertThat(diagnosis.failed()).isTrue();
            assertThat(diagnosis.check("greeting.delay").orElseThrow().figures()).containsEntry("seconds", 30.0);
            assertThat(evidence(diagnosis, "greeting.delay")).containsExactly("220 smtp.example.test ESMTP");
            assertThat(evidence(diagnosis, "auth.cleartext")).containsExactly("250-AUTH PLAIN LOGIN");
            assertThat(evidence(diagnosis, "starttls.offered")).first().asString().startsWith("250-smtp.example.test");
            assertThat(evidence(diagnosis, "relay.open")).containsSubsequence(
                    "RCPT TO:<" + SmtpDiagnosis.RELAY_TEST_RECIPIENT + ">", "250 OK", "RSET", "250 OK");
            assertThat(evidence(diagnosis, "vrfy.enumeration")).containsExactly("VRFY postmaster",
                    "250 Postmaster <postmaster@example.test>");
            assertThat(diagnosis.check("postmaster").orElseThrow().figures())
                    .containsEntry("address", "postmaster@example.test");
            assertThat(diagnosis.lines()).extracting(ReportLine::text).noneMatch(text -> text.startsWith("DATA"));
        }
    }

    @Test
    void aConnectionLostDuringTheRelayTestIsNoOpenRelay() throws IOException {
        ScriptedServer.Script shutsDown = c -> {
            c.send("220 smtp.example.test ESMTP\r\n");
            for (String verb = c.verb(); verb != null; verb = c.verb()) {
                switch (verb) {
                    case "EHLO" -> c.send("250-smtp.example.test\r\n250 8BITMIME\r\n");
                    // RFC 5321 §3.8: 421, and the server closes the connection
                    case "RCPT" -> {
                        c.send("421 4.3.2 shutting down\r\n");
                        return;
                    }
                    case "QUIT" -> {
                        c.send("221 Bye\r\n");
                        return;
                    }
                    default -> c.send("250 OK\r\n");
                }
            }
        };
        try (ScriptedServer server = new ScriptedServer(shutsDown)) {
            Diagnosis diagnosis = Diagnoser.diagnose(smtp(server.port()), options);

            CheckResult relay = diagnosis.check("relay.open").orElseThrow();
            assertThat(relay.verdict()).as(relay.summary()).isNotEqualTo(Verdict.FAIL).isNotEqualTo(Verdict.PASS);
        }
    }

    @Test
    void bareLineFeedsAreAWarningAndEveryOtherCheckStillRuns() throws IOException {
        try (ScriptedServer server = new ScriptedServer(misconfigured("\n"))) {
            Diagnosis diagnosis = Diagnoser.diagnose(smtp(server.port()), options);

            assertThat(verdicts(diagnosis)).containsEntry("syntax", Verdict.WARN).containsEntry("ehlo", Verdict.PASS)
                    .containsEntry("relay.open", Verdict.FAIL).containsEntry("postmaster", Verdict.PASS);
            assertThat(evidence(diagnosis, "syntax")).first().asString().startsWith("220 smtp.example.test");
            assertThat(diagnosis.check("syntax").orElseThrow().summary()).contains("bare LF");
        }
    }

    @Test
    void anUnknownHostIsAFailedConnectAndEverythingElseIsSkipped() {
        Diagnosis diagnosis = Diagnoser.diagnose(ServerTarget.of(ServerAddress.parse("smtp://no-such-host.invalid:2525")),
                options);

        assertThat(verdicts(diagnosis)).containsEntry("connect", Verdict.FAIL)
                .containsEntry("greeting.delay", Verdict.SKIP).containsEntry("relay.open", Verdict.SKIP)
                .containsEntry("syntax", Verdict.SKIP);
        assertThat(diagnosis.check("connect").orElseThrow().summary()).isEqualTo(
                "The name no-such-host.invalid does not resolve to an address.");
        assertThat(evidence(diagnosis, "connect")).last().asString().startsWith("Could not connect");
    }

    @Test
    void aRefusedPortIsAFailedConnect() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }

        Diagnosis diagnosis = Diagnoser.diagnose(smtp(port), options);

        assertThat(verdicts(diagnosis)).containsEntry("connect", Verdict.FAIL);
        assertThat(diagnosis.check("connect").orElseThrow().summary()).contains("connection was refused");
    }

    @Test
    void aServerThatNeverSpeaksIsToldApartFromASlowOne() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> c.read())) {
            Diagnosis diagnosis = Diagnoser.diagnose(smtp(server.port()),
                    options.withTimeout(Duration.ofMillis(400)));

            assertThat(verdicts(diagnosis)).containsEntry("connect", Verdict.PASS)
                    .containsEntry("greeting.delay", Verdict.FAIL).containsEntry("ehlo", Verdict.SKIP);
            assertThat(diagnosis.check("greeting.delay").orElseThrow().summary()).startsWith("The server never greeted");
        }
    }

    @Test
    void aConnectionThatBreaksOffMidReplyFailsThatCheckAndSkipsTheRest() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.send("220 smtp.example.test ESMTP\r\n");
            c.read();
            c.send("250-smtp.example.test\r\n250-PIPELI");
        })) {
            Diagnosis diagnosis = Diagnoser.diagnose(smtp(server.port()), options);

            assertThat(verdicts(diagnosis)).containsEntry("greeting.delay", Verdict.PASS)
                    .containsEntry("ehlo", Verdict.FAIL).containsEntry("starttls.offered", Verdict.SKIP);
            assertThat(diagnosis.check("ehlo").orElseThrow().summary()).startsWith("The connection broke off");
            assertThat(evidence(diagnosis, "ehlo")).first().asString().isEqualTo("EHLO mailbench.invalid");
        }
    }

    @Test
    void garbageInsteadOfAGreetingIsAFailedGreetingAndASyntaxFailure() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.send("SSH-2.0-OpenSSH_9.2p1 Debian\r\n");
            c.read();
        })) {
            Diagnosis diagnosis = Diagnoser.diagnose(smtp(server.port()), options);

            assertThat(verdicts(diagnosis)).containsEntry("greeting.delay", Verdict.FAIL)
                    .containsEntry("syntax", Verdict.FAIL).containsEntry("ehlo", Verdict.SKIP);
            assertThat(evidence(diagnosis, "syntax")).containsExactly("SSH-2.0-OpenSSH_9.2p1 Debian");
            assertThat(diagnosis.check("greeting.delay").orElseThrow().summary()).contains("is not a greeting");
        }
    }

    @Test
    void aBrokenTlsHandshakeFailsStartTlsAndTheOtherChecksRunOnANewConnection() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.send("220 smtp.example.test ESMTP\r\n");
            for (String verb = c.verb(); verb != null; verb = c.verb()) {
                switch (verb) {
                    case "EHLO" -> c.send("250-smtp.example.test\r\n250 STARTTLS\r\n");
                    case "STARTTLS" -> {
                        c.send("220 Go ahead\r\nthis is not TLS at all\r\n");
                        return;
                    }
                    case "QUIT" -> {
                        c.send("221 Bye\r\n");
                        return;
                    }
                    case "RCPT" -> c.send(c.last.contains("relay-test") ? "554 5.7.1 Relay denied\r\n" : "250 OK\r\n");
                    default -> c.send("250 OK\r\n");
                }
            }
        })) {
            Diagnosis diagnosis = Diagnoser.diagnose(smtp(server.port()), options);

            assertThat(verdicts(diagnosis)).containsEntry("starttls.offered", Verdict.PASS)
                    .containsEntry("starttls.works", Verdict.FAIL)
                    .containsEntry("tls.certificate.trusted", Verdict.SKIP).containsEntry("tls.protocols", Verdict.SKIP)
                    .containsEntry("relay.open", Verdict.PASS).containsEntry("postmaster", Verdict.PASS);
            assertThat(diagnosis.check("starttls.works").orElseThrow().summary())
                    .startsWith("STARTTLS was accepted but the TLS handshake failed");
            assertThat(evidence(diagnosis, "starttls.works")).first().asString().isEqualTo("STARTTLS");
            assertThat(diagnosis.lines()).extracting(ReportLine::text)
                    .contains("Connecting again without TLS, for the checks that remain.");
        }
    }

    @Test
    void aPop3ServerWithoutStlsThatTakesPasswordsInClearTextAndOffersApop() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.send("+OK POP3 ready <1896.697170952@pop.example.test>\r\n");
            for (String verb = c.verb(); verb != null; verb = c.verb()) {
                switch (verb) {
                    case "CAPA" -> c.send("+OK Capability list follows\r\nUSER\r\nSASL PLAIN CRAM-MD5\r\nTOP\r\n.\r\n");
                    case "QUIT" -> {
                        c.send("+OK Bye\r\n");
                        return;
                    }
                    default -> c.send("-ERR not now\r\n");
                }
            }
        })) {
            Diagnosis diagnosis = Diagnoser.diagnose(ServerTarget.of(new ServerAddress("127.0.0.1", server.port(),
                    MailProtocol.POP3, TlsMode.NONE)), options.withLogin("alice", "alice-pass"));

            assertThat(verdicts(diagnosis)).containsEntry("connect", Verdict.PASS).containsEntry("capa", Verdict.PASS)
                    .containsEntry("stls.offered", Verdict.FAIL).containsEntry("stls.works", Verdict.SKIP)
                    .containsEntry("auth.cleartext", Verdict.FAIL).containsEntry("apop", Verdict.WARN)
                    .containsEntry("auth.login", Verdict.SKIP).containsEntry("syntax", Verdict.PASS);
            assertThat(evidence(diagnosis, "auth.cleartext")).containsExactly("USER", "SASL PLAIN CRAM-MD5");
            assertThat(evidence(diagnosis, "apop")).singleElement().asString().startsWith("+OK POP3 ready <1896.");
            assertThat(diagnosis.check("auth.login").orElseThrow().summary()).contains("in clear text");
            assertThat(diagnosis.lines()).filteredOn(line -> line.direction().equals("client"))
                    .extracting(ReportLine::text).as("no USER or PASS without TLS").containsExactly("CAPA", "QUIT");
        }
    }

    @Test
    void aPop3ServerThatClosesInTheMiddleOfCapaFailsThatCheck() throws IOException {
        try (ScriptedServer server = new ScriptedServer(c -> {
            c.send("+OK POP3 ready\r\n");
            c.read();
            c.send("+OK Capability list follows\r\nUSER\r\nSTL");
        })) {
            Diagnosis diagnosis = Diagnoser.diagnose(ServerTarget.of(new ServerAddress("127.0.0.1", server.port(),
                    MailProtocol.POP3, TlsMode.NONE)), options);

            assertThat(verdicts(diagnosis)).containsEntry("greeting.delay", Verdict.PASS)
                    .containsEntry("capa", Verdict.FAIL).containsEntry("stls.offered", Verdict.SKIP);
            assertThat(diagnosis.check("capa").orElseThrow().summary()).startsWith("The connection broke off");
            assertThat(evidence(diagnosis, "capa")).first().asString().isEqualTo("CAPA");
        }
    }
}
