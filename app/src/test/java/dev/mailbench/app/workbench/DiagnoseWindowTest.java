package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.diagnose.ReportLine;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File ▸ Diagnose Server… on a session tab: the diagnosis of that tab's server opens in a tab of its own, failures
 * first, and choosing a verdict selects the transcript lines that prove it. The server answers 250 to everything, so
 * it relays for anyone, reveals users and offers no STARTTLS.
 */
class DiagnoseWindowTest {

    @TempDir
    Path temp;

    private AnsweringServer server;
    private WindowDriver window;

    @BeforeEach
    void openTheWindowOnAServerThatSaysYesToEverything() throws Exception {
        server = AnsweringServer.smtp(Optional.empty());
        window = new WindowDriver(temp, Optional.of(new ConnectionSettings("127.0.0.1", server.port(),
                MailProtocol.SMTP, TlsMode.NONE)));
    }

    @AfterEach
    void closeEverything() throws Exception {
        window.close();
        server.close();
    }

    @Test
    void theReportOpensInItsOwnTabAVerdictSelectsItsEvidenceAndTheConversationSavesAsASession() throws Exception {
        window.await(() -> window.shown("#session-state"), "the session tab");
        window.clickMenu("File", "Diagnose Server…");

        window.await(() -> window.text("#diagnosis-status").contains("fail"), "the diagnosis to finish");
        String tab = WindowDriver.onFx(() -> {
            TabPane tabs = window.node("#session-tabs");
            return tabs.getSelectionModel().getSelectedItem().getText();
        });
        assertThat(tab).isEqualTo("Diagnosis: 127.0.0.1:" + server.port());
        assertThat(window.text("#diagnosis-title")).isEqualTo("Diagnosis of smtp://127.0.0.1:" + server.port());
        assertThat(rowTexts()).first().asString().startsWith("FAIL");
        assertThat(rowTexts()).contains("FAIL relay.open Open relay: the server accepted mailbench@relay-test.invalid"
                + " without a login.", "FAIL starttls.offered STARTTLS is not offered: everything crosses the network"
                + " in clear text.");

        window.click(row("relay.open"));

        assertThat(selectedLines()).containsSubsequence("RCPT TO:<mailbench@relay-test.invalid>", "250 Ok", "RSET");
        assertThat(window.text("#diagnosis-explanation")).startsWith("Anyone on the internet can send mail through")
                .contains("RFC 5321 §7.1");

        window.click(row("vrfy.enumeration"));

        assertThat(selectedLines()).containsExactly("VRFY postmaster", "250 Ok");
        assertThat(window.text("#diagnosis-explanation")).startsWith("Anyone can ask the server");

        Path file = temp.resolve("diagnosis.mbsession");
        window.answerSaveWith(file);
        window.click("#diagnosis-save-session");

        window.await(() -> window.text("#diagnosis-status").contains("session saved as diagnosis.mbsession"),
                "the session to be saved");
        SessionRecord session = SessionFile.read(file);
        assertThat(session.connections()).hasSize(1);
        assertThat(session.settings().port()).isEqualTo(server.port());
        assertThat(session.events().stream().map(event -> ReportLine.of(event).text()).toList())
                .isEqualTo(WindowDriver.onFx(() -> {
                    ListView<ReportLine> transcript = window.node("#diagnosis-transcript");
                    return transcript.getItems().stream().map(ReportLine::text).toList();
                }));
    }

    /** Each verdict row as a user reads it: badge, id, summary. */
    private List<String> rowTexts() {
        return WindowDriver.onFx(() -> window.robot().lookup(".check-row").queryAll().stream()
                .filter(node -> ((ListCell<?>) node).getItem() != null)
                .map(node -> String.join(" ", node.lookupAll(".label").stream()
                        .map(label -> ((Label) label).getText()).toList()))
                .toList());
    }

    private Node row(String id) {
        return WindowDriver.onFx(() -> window.robot().lookup(".check-row").queryAll().stream()
                .filter(node -> node.lookupAll(".check-id").stream().anyMatch(label -> ((Label) label).getText()
                        .equals(id)))
                .findFirst().orElseThrow());
    }

    private List<String> selectedLines() {
        return WindowDriver.onFx(() -> {
            ListView<ReportLine> transcript = window.node("#diagnosis-transcript");
            return transcript.getSelectionModel().getSelectedItems().stream().map(ReportLine::text).toList();
        });
    }
}
