package dev.mailbench.app.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.diagnose.CheckResult;
import dev.mailbench.diagnose.Diagnosis;
import dev.mailbench.diagnose.ReportLine;
import dev.mailbench.diagnose.Verdict;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diagnosis tab's state without a window: failures first, and a verdict's evidence as transcript rows. */
class DiagnosisViewModelTest {

    private static CheckResult check(String id, Verdict verdict, Integer... evidence) {
        return new CheckResult(id, verdict, id + " summary", id + " explanation", "RFC 5321", List.of(evidence),
                Map.of());
    }

    @Test
    void theVerdictsComeFailuresFirstAndTheEvidenceNamesTranscriptRows() {
        DiagnosisViewModel viewModel = new DiagnosisViewModel(new CurrentThreadTaskExecutor());
        CheckResult relay = check("relay.open", Verdict.FAIL, 3, 4);
        Diagnosis diagnosis = new Diagnosis("smtp://mx.example.test:25", Instant.EPOCH,
                List.of(check("connect", Verdict.PASS, 1), check("vrfy.enumeration", Verdict.WARN, 2), relay,
                        check("auth.login", Verdict.SKIP)),
                List.of(new ReportLine(1, "note", "Connected", false), new ReportLine(2, "client", "VRFY postmaster", false),
                        new ReportLine(3, "client", "RCPT TO:<mailbench@relay-test.invalid>", false),
                        new ReportLine(4, "server", "250 Ok", false)),
                new Transcript(), new ServerAddress("mx.example.test", 25, MailProtocol.SMTP, TlsMode.NONE));

        viewModel.show(diagnosis);

        assertThat(viewModel.checks()).extracting(CheckResult::id)
                .containsExactly("relay.open", "vrfy.enumeration", "connect", "auth.login");
        assertThat(viewModel.statusProperty().get()).isEqualTo("1 fail, 1 warn, 1 pass, 1 skip");
        assertThat(viewModel.titleProperty().get()).isEqualTo("Diagnosis of smtp://mx.example.test:25");
        assertThat(viewModel.evidenceRows(relay)).containsExactly(2, 3);
        assertThat(viewModel.lines()).hasSize(4);
    }
}
