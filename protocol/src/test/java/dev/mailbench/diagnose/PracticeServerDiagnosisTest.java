package dev.mailbench.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailbench.server.Personality;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.tls.ClientTls;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagnosis against the practice server: every personality, then each fault it can show. One server for the
 * class; each test puts its personality and faults back.
 */
class PracticeServerDiagnosisTest {

    @TempDir
    static Path temp;

    private static PracticeServer server;
    private static DiagnosisOptions options;

    @BeforeAll
    static void start() throws Exception {
        server = PracticeServer.start(DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0));
        options = DiagnosisOptions.defaults().withTimeout(Duration.ofSeconds(20))
                .withTls(ClientTls.trustingDefaultsAnd(List.of(server.certificate())));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void reset() {
        server.faults().clear();
        server.switchPersonality(Personality.DEFAULT_ID);
    }

    static List<String> personalities() {
        return Personality.BUILT_IN;
    }

    static ServerTarget smtp() {
        return ServerTarget.of(new ServerAddress("127.0.0.1", server.smtpPort(), MailProtocol.SMTP, TlsMode.NONE));
    }

    static ServerTarget pop3() {
        return ServerTarget.of(new ServerAddress("127.0.0.1", server.pop3Port(), MailProtocol.POP3, TlsMode.NONE));
    }

    static Map<String, Verdict> verdicts(Diagnosis diagnosis) {
        return diagnosis.checks().stream().collect(Collectors.toMap(CheckResult::id, CheckResult::verdict));
    }

    /** The report lines a check names as its evidence. */
    static List<String> evidence(Diagnosis diagnosis, String id) {
        return diagnosis.check(id).orElseThrow().evidence().stream()
                .map(line -> diagnosis.lines().get(line - 1).text()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalities")
    void smtpInEveryPersonality(String personality) {
        server.switchPersonality(personality);

        Diagnosis diagnosis = Diagnoser.diagnose(smtp(), options);

        Map<String, Verdict> verdicts = verdicts(diagnosis);
        assertThat(verdicts).containsEntry("connect", Verdict.PASS).containsEntry("greeting.delay", Verdict.PASS)
                .containsEntry("greeting.hostname", Verdict.INFO).containsEntry("ehlo", Verdict.PASS)
                .containsEntry("starttls.offered", Verdict.PASS).containsEntry("starttls.works", Verdict.PASS)
                .containsEntry("tls.certificate.trusted", Verdict.PASS)
                .containsEntry("tls.protocols", Verdict.PASS)
                .containsEntry("relay.open", Verdict.PASS).containsEntry("postmaster", Verdict.PASS)
                .containsEntry("auth.login", Verdict.SKIP).containsEntry("syntax", Verdict.PASS);
        assertThat(evidence(diagnosis, "starttls.offered")).singleElement().asString().contains("STARTTLS");
        assertThat(evidence(diagnosis, "relay.open")).anySatisfy(line -> assertThat(line).startsWith("RCPT TO:<"
                + SmtpDiagnosis.RELAY_TEST_RECIPIENT)).last().asString().startsWith("250");
        assertThat(diagnosis.lines()).noneMatch(line -> line.text().startsWith("DATA"));
        assertThat(diagnosis.lines()).filteredOn(line -> line.direction().equals("client")).last()
                .extracting(ReportLine::text).isEqualTo("QUIT");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalities")
    void pop3InEveryPersonality(String personality) {
        server.switchPersonality(personality);

        Diagnosis diagnosis = Diagnoser.diagnose(pop3(), options.withLogin("alice", "alice-pass"));

        Map<String, Verdict> verdicts = verdicts(diagnosis);
        assertThat(verdicts).containsEntry("connect", Verdict.PASS).containsEntry("capa", Verdict.PASS)
                .containsEntry("stls.offered", Verdict.PASS).containsEntry("stls.works", Verdict.PASS)
                .containsEntry("auth.login", Verdict.PASS).containsEntry("syntax", Verdict.PASS)
                // a second connection, after STLS, offers only TLS 1.0 and 1.1: the practice server refuses them
                .containsEntry("tls.protocols", Verdict.PASS);
        assertThat(diagnosis.lines()).extracting(ReportLine::text).noneMatch(text -> text.contains("alice-pass"))
                .noneMatch(text -> text.startsWith("RETR") || text.startsWith("DELE") || text.startsWith("LIST"));
    }

    @Test
    void greylistingMakesThePostmasterAndRelayAnswersInconclusive() {
        server.faults().greylisting(true);

        Diagnosis diagnosis = Diagnoser.diagnose(smtp(), options);

        assertThat(verdicts(diagnosis)).containsEntry("postmaster", Verdict.INFO);
        assertThat(diagnosis.check("postmaster").orElseThrow().summary()).startsWith("Could not tell");
        assertThat(evidence(diagnosis, "postmaster")).last().asString().startsWith("450");
    }

    @Test
    void aSlowServerIsToldApartFromASilentOneAndTheTimeLimitHolds() {
        server.faults().replyDelay(Duration.ofMillis(400));

        Diagnosis diagnosis = Diagnoser.diagnose(smtp(), options.withTimeout(Duration.ofSeconds(2))
                .withSlowGreeting(Duration.ofMillis(100)));

        assertThat(verdicts(diagnosis)).containsEntry("connect", Verdict.PASS)
                .containsEntry("greeting.delay", Verdict.INFO).containsEntry("auth.login", Verdict.SKIP);
        assertThat(evidence(diagnosis, "greeting.delay")).singleElement().asString().startsWith("220");
        assertThat(diagnosis.checks()).as("the time ran out before the checks were done")
                .anySatisfy(check -> assertThat(check.summary()).containsAnyOf("ran out of time", "No answer"));
    }

    @Test
    void aRefusalOnConnectIsAFailedGreetingAndTheRestIsSkipped() {
        server.faults().refuseConnections(true);

        Diagnosis smtp = Diagnoser.diagnose(smtp(), options);
        Diagnosis pop3 = Diagnoser.diagnose(pop3(), options);

        assertThat(verdicts(smtp)).containsEntry("connect", Verdict.PASS).containsEntry("greeting.delay", Verdict.FAIL)
                .containsEntry("ehlo", Verdict.SKIP).containsEntry("starttls.offered", Verdict.SKIP);
        assertThat(evidence(smtp, "greeting.delay")).singleElement().asString().startsWith("421");
        assertThat(smtp.check("greeting.delay").orElseThrow().summary()).contains("refused the session");
        assertThat(verdicts(pop3)).containsEntry("greeting.delay", Verdict.FAIL).containsEntry("capa", Verdict.SKIP);
        assertThat(evidence(pop3, "greeting.delay")).singleElement().asString().startsWith("-ERR");
    }

    @Test
    void aServerThatDropsTheConnectionDuringDataIsNeverAskedForData() {
        server.faults().dropConnectionMidData(true);

        Diagnosis diagnosis = Diagnoser.diagnose(smtp(), options);

        assertThat(diagnosis.lines()).extracting(ReportLine::text).noneMatch(text -> text.startsWith("DATA"));
        assertThat(verdicts(diagnosis)).containsEntry("relay.open", Verdict.PASS)
                .containsEntry("postmaster", Verdict.PASS);
    }

    @Test
    void theReportsCarryTheVerdictsAndEvidenceAndNeverThePassword() throws Exception {
        Diagnosis diagnosis = Diagnoser.diagnose(smtp(), options.withLogin("alice", "alice-pass"));

        assertThat(verdicts(diagnosis)).containsEntry("auth.login", Verdict.PASS);
        assertThat(evidence(diagnosis, "auth.login")).first().asString().startsWith("AUTH PLAIN").doesNotContain("YWxp");
        String json = JsonReport.render(List.of(diagnosis));
        String html = HtmlReport.render(List.of(diagnosis));
        String text = new TextReport(false).render(List.of(diagnosis));
        for (String report : List.of(json, html, text)) {
            assertThat(report).doesNotContain("alice-pass").doesNotContain("YWxpY2UAYWxpY2UAYWxpY2UtcGFzcw");
        }
        var tree = new ObjectMapper().readTree(json);
        assertThat(tree.get("target").asText()).startsWith("smtp://127.0.0.1:");
        var login = StreamSupport.stream(tree.get("checks").spliterator(), false)
                .filter(check -> check.get("id").asText().equals("auth.login")).findFirst().orElseThrow();
        assertThat(login.get("verdict").asText()).isEqualTo("pass");
        assertThat(login.get("rule").asText()).isEqualTo("RFC 4954 §4");
        assertThat(login.get("figures").get("mechanism").asText()).isEqualTo("PLAIN");
        int first = login.get("evidence").get(0).asInt();
        assertThat(tree.get("transcript").get(first - 1).get("text").asText()).startsWith("AUTH PLAIN");
        assertThat(html).contains("id=\"d0-c-auth.login\"").contains("href=\"#d0-l" + first + "\"")
                .contains("<tr id=\"d0-l" + first + "\" class=\"client ev tls\"");
        assertThat(html.indexOf("<h3>Failed</h3>")).isLessThan(html.indexOf("<h3>Passed</h3>"));
    }

    @Test
    void aBareDomainIsDiagnosedThroughItsMxHostsInPreferenceOrder() throws Exception {
        try (LoopbackDns dns = new LoopbackDns(MxLookupTest.zone(), Set.of())) {
            List<Diagnosis> diagnoses = Diagnoser.diagnose("example.test",
                    MxLookup.at(dns.address(), Duration.ofSeconds(5)), options.withMxPort(server.smtpPort()));

            assertThat(diagnoses).extracting(Diagnosis::target).containsExactly(
                    "smtp://mx-a.example.test:" + server.smtpPort() + " (MX 10 for example.test)",
                    "smtp://mx-b.example.test:" + server.smtpPort() + " (MX 20 for example.test)");
            Diagnosis first = diagnoses.get(0);
            assertThat(verdicts(first)).containsEntry("mx", Verdict.PASS).containsEntry("connect", Verdict.PASS)
                    .containsEntry("greeting.hostname", Verdict.WARN).containsEntry("postmaster", Verdict.PASS)
                    .containsEntry("tls.certificate.hostname", Verdict.FAIL);
            assertThat(evidence(first, "mx")).singleElement().asString()
                    .startsWith("DNS: the MX records of example.test, most preferred first: mx-a.example.test");
            assertThat(first.check("postmaster").orElseThrow().figures())
                    .containsEntry("address", "postmaster@example.test");
            assertThat(first.check("tls.certificate.hostname").orElseThrow().summary())
                    .startsWith("The certificate does not name mx-a.example.test");
        }
    }
}
