package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import dev.mailbench.app.practice.PracticeServerPanel;
import dev.mailbench.app.practice.PracticeServerSource;
import dev.mailbench.app.practice.PracticeServerViewModel;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.steps.StepBar;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer meets in the first minute: where the keys go after QUIT and in a new tab, the practice
 * server that a stray Space must not stop, new tabs that connect, a tab that says it is not connected, a password
 * retyped after a refusal, and connection errors explained in the transcript.
 */
class NewcomerWindowTest {

    @TempDir
    Path temp;

    private final Catalogue catalogue = Catalogue.english();
    private WindowDriver window;

    @AfterEach
    void closeTheWindow() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    private void openWithThePracticeServer() throws Exception {
        PracticeServerSource source = () -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0);
        window = new WindowDriver(temp.resolve("config"), Optional.empty(), Optional.of(source));
    }

    @Test
    void whileThePracticeServerStartsTheWindowSaysSoInsteadOfAWelcomeTheFirstTabWouldReplace() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PracticeServerSource held = () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException("the test ended first");
            }
            return DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0);
        };
        window = new WindowDriver(temp.resolve("config"), Optional.empty(), Optional.of(held));
        window.await(() -> window.shown("#preparing"), "the sentence in the first tab's place");
        assertThat(window.text("#preparing")).isEqualTo("Starting the practice server…");
        assertThat(window.robot().lookup(".welcome").tryQuery()).isEmpty();

        release.countDown();
        window.awaitState(SmtpPhase.GREETED.description());
        assertThat(window.shown("#preparing")).isFalse();
        assertThat(window.robot().lookup(".welcome").tryQuery()).isEmpty();

        // with the last tab closed, the welcome says what to do
        window.robot().push(KeyCode.CONTROL, KeyCode.W);
        window.await(() -> window.shown(".welcome"), "the welcome");
        assertThat(window.text("#welcome-scope")).contains("practice server running inside Mailbench");
        assertThat(window.shown("#preparing")).isFalse();
    }

    @Test
    void aPracticeServerThatCannotStartLeavesTheWelcomeNotAPromise() throws Exception {
        PracticeServerSource broken = () -> {
            throw new IOException("server.properties: line 3: no such key: smtp.prot");
        };
        window = new WindowDriver(temp.resolve("config"), Optional.empty(), Optional.of(broken));

        window.await(() -> window.shown(".welcome"), "the welcome");
        assertThat(window.shown("#preparing")).isFalse();
        assertThat(window.text("#welcome-title")).isEqualTo("Mailbench");
    }

    @Test
    void theKeysStayInTheCommandLineAndStoppingAServerWithConnectionsAsksFirst() throws Exception {
        openWithThePracticeServer();
        window.awaitState(SmtpPhase.GREETED.description());
        window.await(() -> "command-line".equals(focusOwner()), "the focus in the new tab's command line");

        window.step("QUIT");
        window.awaitState(SmtpPhase.CLOSED.description());
        window.awaitLine(line -> line.contains("*  Connection closed by the server"), "the closing note");
        window.await(() -> "command-line".equals(focusOwner()), "the focus kept in the command line after QUIT");
        // a Space typed now is a Space in the command line, not a press of the practice server's Stop
        window.robot().push(KeyCode.SPACE);
        assertThat(practice(PracticeServerViewModel::statusProperty).get()).isEqualTo(PracticeServerViewModel.Status.RUNNING);

        // a new tab connects to the practice server by itself, and takes the keys
        window.robot().push(KeyCode.CONTROL, KeyCode.W);
        window.robot().clickOn("File").clickOn("New SMTP Session");
        window.awaitState(SmtpPhase.GREETED.description());
        assertThat(window.shown("#not-connected")).isFalse();
        window.await(() -> "command-line".equals(focusOwner()), "the focus in the new tab's command line");

        // Stop while a tab is connected asks, naming the connections; Enter keeps the server running
        window.await(() -> practice(PracticeServerViewModel::openConnections) == 1, "one open connection");
        window.click("#practice-stop");
        window.await(() -> window.robot().lookup("#practice-stop-confirmation").tryQuery().isPresent(), "the question");
        assertThat(WindowDriver.onFx(() -> window.<DialogPane>node("#practice-stop-confirmation").getContentText()))
                .startsWith("1 connection is open to it.");
        window.robot().push(KeyCode.ENTER);
        window.await(() -> window.robot().lookup("#practice-stop-confirmation").tryQuery().isEmpty(), "the answer");
        assertThat(practice(PracticeServerViewModel::statusProperty).get()).isEqualTo(PracticeServerViewModel.Status.RUNNING);
        assertThat(window.text("#session-state")).isEqualTo(SmtpPhase.GREETED.description());

        // asked again and answered Stop, it stops, and the tab says it is not connected
        window.click("#practice-stop");
        window.await(() -> window.robot().lookup("#practice-stop-confirmation").tryQuery().isPresent(), "the question");
        window.click("Stop the Server");
        window.await(() -> practice(PracticeServerViewModel::statusProperty).get() == PracticeServerViewModel.Status.STOPPED,
                "the server stopped");
        window.await(() -> window.shown("#not-connected"), "the tab saying it is not connected");
    }

    @Test
    void aRefusedPasswordIsRetypedInPlaceAndShowPasswordShowsItInTheField() throws Exception {
        openWithThePracticeServer();
        window.awaitState(SmtpPhase.GREETED.description());
        window.robot().push(KeyCode.CONTROL, KeyCode.W);
        window.robot().clickOn("File").clickOn("New POP3 Session");
        window.awaitState(Pop3Phase.AUTHORIZATION.description());

        window.step("USER");
        window.awaitLine(line -> line.contains("C: USER alice"), "USER");
        window.click("#step-PASS");
        window.type("#field-password", "wrong");
        window.click("#step-send");
        window.awaitLine(line -> line.contains("S: -ERR"), "the refusal");
        // RFC 1939 §7: after a refused PASS the user is named again
        window.step("USER");
        window.await(() -> window.transcriptLines().stream().filter(line -> line.contains("C: USER alice")).count() == 2
                && window.styleClasses("#step-PASS").contains(StepBar.LEGAL), "the second USER answered");

        window.click("#step-PASS");
        window.await(() -> "field-password".equals(focusOwner()), "the focus in the password field");
        TextInputControl password = window.node("#field-password");
        assertThat(WindowDriver.onFx(() -> password.getSelectedText())).isEqualTo("wrong");
        assertThat(WindowDriver.onFx(() -> password.getCaretPosition())).isEqualTo("wrong".length());
        window.write("alice-pass");
        assertThat(WindowDriver.onFx(() -> password.getText())).isEqualTo("alice-pass");

        window.click("#step-reveal");
        assertThat(window.shown("#field-password-shown")).isTrue();
        assertThat(window.shown("#field-password")).isFalse();
        assertThat(WindowDriver.onFx(() -> window.<TextInputControl>node("#field-password-shown").getText()))
                .isEqualTo("alice-pass");
        window.click("#step-reveal");
        assertThat(window.shown("#field-password-shown")).isFalse();
        assertThat(window.shown("#field-password")).isTrue();

        window.click("#step-send");
        window.awaitState(Pop3Phase.TRANSACTION.description());
    }

    @Test
    void aRefusedConnectionAndAnUnknownHostAreExplainedNotesAndTheTabOffersConnectAboveItsTranscript() throws Exception {
        int closed;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = unused.getLocalPort();
        }
        window = new WindowDriver(temp.resolve("config"),
                Optional.of(new ConnectionSettings("127.0.0.1", closed, MailProtocol.SMTP, TlsMode.NONE)));

        int refused = window.awaitLine(line -> line.contains("Could not connect to 127.0.0.1:" + closed
                + ": connection refused, nothing listens on that port"), "the refusal as a note");
        window.await(() -> window.shown("#not-connected"), "the tab saying it is not connected");
        assertThat(window.text("#not-connected-text")).startsWith("Not connected.");
        assertThat(window.text("#session-problem")).contains("nothing listens on that port");
        window.clickLine(refused);
        window.await(() -> explanationText().contains(catalogue.eventSentence("note.connection-refused")),
                "the refusal explained");

        // RFC 2606 §2: a name under .invalid never resolves, and never reaches the network
        window.retype("#host", "no-such-host.invalid");
        window.click("#not-connected-connect");
        int unknown = window.awaitLine(line -> line.contains("no-such-host.invalid:" + closed
                + ": unknown host, the name does not resolve"), "the unknown host as a note");
        window.await(() -> window.shown("#not-connected"), "the tab saying it is not connected");
        assertThat(window.text("#session-problem")).contains("does not resolve");
        window.clickLine(unknown);
        window.await(() -> explanationText().contains(catalogue.eventSentence("note.unknown-host")),
                "the unknown host explained");

        // Connect where the eye is reaches a server that answers, and the keys go to the command line
        try (AnsweringServer server = AnsweringServer.smtp(Optional.empty())) {
            window.retype("#host", "127.0.0.1");
            window.retype("#port", Integer.toString(server.port()));
            window.click("#not-connected-connect");
            window.awaitState(SmtpPhase.GREETED.description());
            assertThat(window.shown("#not-connected")).isFalse();
            window.await(() -> "command-line".equals(focusOwner()), "the focus in the command line");
        }
    }

    /** The id of the node that has the keyboard focus. */
    private String focusOwner() {
        return WindowDriver.onFx(() -> {
            Node owner = window.node("#workbench").getScene().getFocusOwner();
            return owner == null ? null : owner.getId();
        });
    }

    private <T> T practice(java.util.function.Function<PracticeServerViewModel, T> read) {
        return WindowDriver.onFx(() -> read.apply(window.<PracticeServerPanel>node("#practice-panel").viewModel()));
    }

    private String explanationText() {
        return WindowDriver.onFx(() -> {
            StringBuilder text = new StringBuilder();
            window.robot().lookup("#explanation .label").queryAllAs(Label.class)
                    .forEach(label -> text.append(label.getText()).append('\n'));
            return text.toString();
        });
    }
}
