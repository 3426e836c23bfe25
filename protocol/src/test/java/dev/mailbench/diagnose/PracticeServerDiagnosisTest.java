package dev.mailbench.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.Personality;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.tls.ClientTls;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerUri;
import dev.mailbench.wire.TlsMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        return ServerTarget.of(new ServerUri("127.0.0.1", server.smtpPort(), MailProtocol.SMTP, TlsMode.NONE));
    }

    static ServerTarget pop3() {
        return ServerTarget.of(new ServerUri("127.0.0.1", server.pop3Port(), MailProtocol.POP3, TlsMode.NONE));
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

        System.out.println(new TextReport(false).render(List.of(diagnosis)));
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

        System.out.println(new TextReport(false).render(List.of(diagnosis)));
        Map<String, Verdict> verdicts = verdicts(diagnosis);
        assertThat(verdicts).containsEntry("connect", Verdict.PASS).containsEntry("capa", Verdict.PASS)
                .containsEntry("stls.offered", Verdict.PASS).containsEntry("stls.works", Verdict.PASS)
                .containsEntry("auth.login", Verdict.PASS).containsEntry("syntax", Verdict.PASS);
        assertThat(diagnosis.lines()).extracting(ReportLine::text).noneMatch(text -> text.contains("alice-pass"))
                .noneMatch(text -> text.startsWith("RETR") || text.startsWith("DELE") || text.startsWith("LIST"));
    }
}
