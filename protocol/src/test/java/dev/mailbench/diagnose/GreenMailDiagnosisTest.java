package dev.mailbench.diagnose;

import static dev.mailbench.diagnose.PracticeServerDiagnosisTest.evidence;
import static dev.mailbench.diagnose.PracticeServerDiagnosisTest.verdicts;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The diagnosis against GreenMail, a server nobody here wrote: no STARTTLS, a relay for anyone, implicit TLS. */
class GreenMailDiagnosisTest {

    /** One GreenMail for the class, given time to start on a busy machine (its TLS servers make their keys). */
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(setups())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alice@example.test", "alice", "alice-pass"))
            .withPerMethodLifecycle(false);

    private static ServerSetup[] setups() {
        ServerSetup[] setups = ServerSetup.dynamicPort(new ServerSetup[] {
            ServerSetupTest.SMTP, ServerSetupTest.SMTPS, ServerSetupTest.POP3S});
        for (ServerSetup setup : setups) {
            setup.setServerStartupTimeout(20_000);
        }
        return setups;
    }

    private final DiagnosisOptions options = DiagnosisOptions.defaults().withTimeout(Duration.ofSeconds(20));

    @Test
    void plainSmtpWithoutStartTlsThatRelaysForAnyone() {
        Diagnosis diagnosis = Diagnoser.diagnose(ServerTarget.of(new ServerAddress("127.0.0.1",
                greenMail.getSmtp().getPort(), MailProtocol.SMTP, TlsMode.NONE)), options);

        assertThat(verdicts(diagnosis)).containsEntry("connect", Verdict.PASS).containsEntry("ehlo", Verdict.PASS)
                .containsEntry("starttls.offered", Verdict.FAIL).containsEntry("relay.open", Verdict.FAIL)
                .containsEntry("syntax", Verdict.PASS);
        assertThat(evidence(diagnosis, "relay.open")).contains("RCPT TO:<" + SmtpDiagnosis.RELAY_TEST_RECIPIENT + ">");
        assertThat(diagnosis.lines()).extracting(ReportLine::text).noneMatch(text -> text.startsWith("DATA"));
        assertThat(greenMail.getReceivedMessages()).as("nothing was delivered").isEmpty();
    }

    @Test
    void implicitTlsSmtpWithAnUntrustedCertificate() {
        Diagnosis diagnosis = Diagnoser.diagnose(ServerTarget.of(new ServerAddress("127.0.0.1",
                greenMail.getSmtps().getPort(), MailProtocol.SMTP, TlsMode.IMPLICIT)), options);

        assertThat(verdicts(diagnosis)).containsEntry("connect", Verdict.PASS)
                .containsEntry("starttls.offered", Verdict.SKIP).containsEntry("auth.cleartext", Verdict.PASS)
                .containsEntry("tls.certificate.trusted", Verdict.FAIL).containsEntry("tls.protocols", Verdict.PASS);
        assertThat(evidence(diagnosis, "tls.certificate.trusted")).singleElement().asString()
                .startsWith("TLS established");
    }

    @Test
    void pop3OverImplicitTlsLogsInAndReadsNothing() {
        Diagnosis diagnosis = Diagnoser.diagnose(ServerTarget.of(new ServerAddress("127.0.0.1",
                greenMail.getPop3s().getPort(), MailProtocol.POP3, TlsMode.IMPLICIT)),
                options.withLogin("alice", "alice-pass"));

        assertThat(verdicts(diagnosis)).containsEntry("connect", Verdict.PASS).containsEntry("capa", Verdict.PASS)
                .containsEntry("stls.offered", Verdict.SKIP).containsEntry("auth.login", Verdict.PASS)
                .containsEntry("auth.cleartext", Verdict.PASS);
        assertThat(evidence(diagnosis, "auth.login")).containsSubsequence("USER alice", "PASS ••••••");
        assertThat(diagnosis.lines()).extracting(ReportLine::text).noneMatch(text -> text.contains("alice-pass"));
    }
}
