package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mailbench.reproduce.ReplyComparison;
import dev.mailbench.reproduce.RunResult;
import dev.mailbench.reproduce.Script;
import dev.mailbench.reproduce.ScriptRunner;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;

import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay against… in the real window: a session saved with its password masked, opened, and played again against
 * the practice server wearing another personality; the password is asked for, the replies stand beside the
 * original's, and the differences are named.
 */
class ReplayWindowTest {

    @TempDir
    Path temp;

    private WindowDriver window;

    @BeforeEach
    void openTheWindowWithThePracticeServer() throws Exception {
        window = new WindowDriver(temp.resolve("config"), Optional.empty(),
                Optional.of(() -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0)));
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        window.close();
    }

    @Test
    void aSavedSessionReplayedAgainstAnotherPersonalityListsTheDifferences() throws Exception {
        int port = replayASavedSession(window, temp);
        ReplayView replay = (ReplayView) selectedTab();
        assertThat(WindowDriver.onFx(() -> ((Label) replay.lookup("#replay-heading")).getText()))
                .isEqualTo("Replay of lesson.mbsession (A, smtp+starttls://127.0.0.1:" + port
                        + ") against smtp+starttls://127.0.0.1:" + port + " (B)");
        List<ReplyComparison.Row> rows = WindowDriver.onFx(() -> List.copyOf(replay.table().getItems()));
        assertThat(rows).extracting(ReplyComparison.Row::command).containsExactly("(connect)",
                "EHLO client.example.test", "STARTTLS", "EHLO client.example.test", "AUTH PLAIN ••••••",
                "MAIL FROM:<alice@example.test>", "NOOP", "QUIT");
        // another personality greets in other words; the password typed in the dialog logged in again
        assertThat(rows.get(0).difference().words()).isEqualTo("text differs");
        assertThat(rows.get(4).replies().get(1).get(0).firstLine()).startsWith("235 ");
        // what the user reads: the differences in words, each differing row marked, the count in the status line
        List<String> differing = WindowDriver.onFx(() -> replay.table().lookupAll(".table-row-cell.replay-differs")
                .stream().flatMap(row -> row.lookupAll(".table-cell").stream())
                .map(cell -> ((TableCell<?, ?>) cell).getText()).filter(text -> text != null).toList());
        assertThat(differing).contains("(connect)", "text differs");
        assertThat(window.text("#replay-status")).matches("\\d+ of 8 replies differ from the original's\\.");
        // the replay's own transcript, in the tab, from the other personality's greeting to the end
        window.await(() -> replay.transcript().size() > 0
                && replay.transcript().lineText(replay.transcript().size() - 1).contains("closed"), "the replay's transcript");
        List<String> lines = WindowDriver.onFx(() -> {
            List<String> all = new ArrayList<>();
            for (int i = 0; i < replay.transcript().size(); i++) {
                all.add(replay.transcript().lineText(i));
            }
            return all;
        });
        assertThat(lines).anyMatch(line -> line.contains("S: 220 ") && line.contains("Microsoft"))
                .anyMatch(line -> line.endsWith("C: AUTH PLAIN ••••••"))
                .anyMatch(line -> line.endsWith("C: QUIT"));
    }

    /**
     * A session of two connections, SMTP then POP3 (as {@code mailbench run} with two servers saves it): the dialog
     * names both, and choosing the second offers the practice server's POP3 and asks for its masked password.
     */
    @Test
    void aSessionOfTwoConnectionsReplaysTheOneChosen() throws Exception {
        window.await(() -> window.text("#practice-summary").startsWith("Running: SMTP"), "the practice server");
        String summary = window.text("#practice-summary");
        int smtpPort = Integer.parseInt(summary.replaceFirst("^Running: SMTP 127\\.0\\.0\\.1:(\\d+).*$", "$1"));
        int pop3Port = Integer.parseInt(summary.replaceFirst("^.*POP3 127\\.0\\.0\\.1:(\\d+).*$", "$1"));
        ScriptRunner runner = new ScriptRunner(ClientOptions.defaults(new ClientTlsLayer())
                .withReplyTimeout(Duration.ofSeconds(10)), line -> { });
        RunResult smtp = runner.run(Script.parse("send.mbscript", "EHLO client.example.test\nQUIT\n"),
                new ServerAddress("127.0.0.1", smtpPort, MailProtocol.SMTP, TlsMode.NONE));
        RunResult pop3 = runner.run(Script.parse("read.mbscript", "USER alice\nPASS alice-pass\nexpect +OK\nSTAT\nQUIT\n"),
                new ServerAddress("127.0.0.1", pop3Port, MailProtocol.POP3, TlsMode.NONE));
        assertThat(smtp.exitCode()).isZero();
        assertThat(pop3.exitCode()).isZero();
        Path file = temp.resolve("two.mbsession");
        SessionFile.write(SessionRecord.of(List.of(
                new SessionConnection(new SessionSettings(MailProtocol.SMTP, "127.0.0.1", smtpPort, TlsMode.NONE,
                        Optional.empty()), smtp.transcript()),
                new SessionConnection(new SessionSettings(MailProtocol.POP3, "127.0.0.1", pop3Port, TlsMode.NONE,
                        Optional.empty()), pop3.transcript())), "test"), file, false);
        window.answerOpenWith(file);
        window.clickMenu("File", "Open Session…");
        window.await(() -> selectedTab() instanceof SavedSessionView, "the saved session in its tab");

        Node saved = selectedTab();
        window.click(WindowDriver.onFx(() -> saved.lookup("#replay-against")));
        window.await(() -> window.robot().lookup("#replay-dialog").tryQuery().isPresent(), "the replay dialog");
        ChoiceBox<String> connection = window.node("#replay-connection");
        assertThat(WindowDriver.onFx(() -> List.copyOf(connection.getItems()))).containsExactly(
                "1: SMTP to 127.0.0.1:" + smtpPort + ", 2 lines sent",
                "2: POP3 to 127.0.0.1:" + pop3Port + ", 4 lines sent");
        assertThat(WindowDriver.onFx(() -> ((ComboBox<String>) window.node("#replay-server")).getValue()))
                .isEqualTo("smtp://127.0.0.1:" + smtpPort);
        assertThat(WindowDriver.onFx(() -> window.node("#replay-password").isVisible())).isFalse();

        WindowDriver.onFx(() -> {
            connection.getSelectionModel().select(1);
            return null;
        });
        assertThat(WindowDriver.onFx(() -> ((ComboBox<String>) window.node("#replay-server")).getValue()))
                .isEqualTo("pop3://127.0.0.1:" + pop3Port);
        assertThat(WindowDriver.onFx(() -> ((TextField) window.node("#replay-user")).getText())).isEqualTo("alice");
        window.type("#replay-password", "alice-pass");
        window.click("Replay");

        window.await(() -> selectedTab() instanceof ReplayView view && !view.viewModel().rows().isEmpty(),
                "the replay's replies");
        ReplayView replay = (ReplayView) selectedTab();
        List<ReplyComparison.Row> rows = WindowDriver.onFx(() -> List.copyOf(replay.table().getItems()));
        assertThat(rows).extracting(ReplyComparison.Row::command).containsExactly("(connect)", "USER alice",
                "PASS ••••••", "STAT", "QUIT");
        assertThat(rows.get(2).replies().get(1).get(0).firstLine()).startsWith("+OK");
    }

    /**
     * Saves a session with the practice server (STARTTLS, AUTH PLAIN, its password masked), opens it, switches the
     * practice server to another personality and replays the session against it, typing the password in the
     * dialog; returns the practice server's SMTP port once the replay's replies are listed.
     */
    static int replayASavedSession(WindowDriver window, Path temp) throws Exception {
        window.await(() -> window.text("#practice-summary").startsWith("Running: SMTP"), "the practice server");
        int port = Integer.parseInt(window.text("#practice-summary")
                .replaceFirst("^Running: SMTP 127\\.0\\.0\\.1:(\\d+).*$", "$1"));
        ServerAddress practice = new ServerAddress("127.0.0.1", port, MailProtocol.SMTP, TlsMode.STARTTLS);
        RunResult recorded = new ScriptRunner(ClientOptions.defaults(new ClientTlsLayer())
                .withReplyTimeout(Duration.ofSeconds(10)), line -> { }).run(Script.parse("lesson.mbscript", """
                EHLO client.example.test
                STARTTLS
                EHLO client.example.test
                AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=
                expect 235
                MAIL FROM:<alice@example.test>
                NOOP
                QUIT
                """), practice);
        assertThat(recorded.exitCode()).isZero();
        Path file = temp.resolve("lesson.mbsession");
        SessionFile.write(SessionRecord.of(new SessionConnection(new SessionSettings(MailProtocol.SMTP, "127.0.0.1",
                port, TlsMode.STARTTLS, Optional.empty()), recorded.transcript()), "test"), file, false);

        window.answerOpenWith(file);
        window.clickMenu("File", "Open Session…");
        window.await(() -> selectedTab(window) instanceof SavedSessionView, "the saved session in its tab");
        WindowDriver.onFx(() -> {
            ((ChoiceBox<String>) window.node("#practice-personality")).setValue("exchange2003");
            return null;
        });

        Node saved = selectedTab(window);
        window.click(WindowDriver.onFx(() -> saved.lookup("#replay-against"))); // the live tab has one too
        window.await(() -> window.robot().lookup("#replay-dialog").tryQuery().isPresent(), "the replay dialog");
        // the practice server is offered first; the password was saved masked, so it is asked for
        assertThat(WindowDriver.onFx(() -> ((ComboBox<String>) window.node("#replay-server")).getValue()))
                .isEqualTo("smtp+starttls://127.0.0.1:" + port);
        assertThat(WindowDriver.onFx(() -> ((TextField) window.node("#replay-user")).getText())).isEqualTo("alice");
        window.type("#replay-password", "alice-pass");
        window.click("Replay");

        window.await(() -> selectedTab(window) instanceof ReplayView view && !view.viewModel().rows().isEmpty(),
                "the replay's replies");
        return port;
    }

    private Node selectedTab() {
        return selectedTab(window);
    }

    static Node selectedTab(WindowDriver window) {
        return WindowDriver.onFx(() -> ((TabPane) window.node("#session-tabs")).getSelectionModel().getSelectedItem()
                .getContent());
    }
}
