package dev.mailbench.app.practice;

import static dev.mailbench.app.steps.StepBar.LEGAL;
import static dev.mailbench.app.steps.StepBar.OUT_OF_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.app.workbench.WindowDriver;
import dev.mailbench.app.workbench.WindowLines;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.smtp.SmtpPhase;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window as a new user meets it: the practice server starts inside it, the first tab is connected to it,
 * and mail sent in one tab is read in the next. Driven by the step buttons and the practice-server panel only.
 */
class PracticeServerWindowTest {

    @TempDir
    Path temp;

    private final Catalogue catalogue = Catalogue.english();
    private WindowDriver window;

    private void openTheWindow(PracticeServerSource source) throws Exception {
        window = new WindowDriver(temp.resolve("config"), Optional.empty(), Optional.of(source));
    }

    private PracticeServerSource onFreePorts() {
        return () -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0);
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void mailSentByButtonsInTheFirstTabIsReadInTheNextAndThePanelFollows() throws Exception {
        openTheWindow(onFreePorts());

        // the first tab connects to the practice server by itself
        window.awaitState(SmtpPhase.GREETED.description());
        assertThat(window.text("#practice-summary")).startsWith("Running: SMTP 127.0.0.1:");
        window.await(() -> mailboxSummaries().contains("bob: 0"), "bob's empty mailbox");
        assertThat(mailboxPasswords()).containsExactly("alice-pass", "bob-pass");

        window.step("EHLO");
        window.awaitState(SmtpPhase.READY.description());
        window.step("MAIL");
        window.awaitState(SmtpPhase.MAIL_GIVEN.description());

        // a recipient elsewhere: the practice server is no open relay
        window.click("#step-RCPT");
        window.retype("#field-address", "someone@elsewhere.test");
        assertThat(window.text("#step-preview")).isEqualTo("RCPT TO:<someone@elsewhere.test>");
        window.click("#step-send");
        int refused = window.awaitLine(line -> line.contains("S: 550 5.7.1 "), "the relay refusal");
        window.awaitState(SmtpPhase.MAIL_GIVEN.description());
        window.assertStep("DATA", OUT_OF_SEQUENCE);

        window.click("#step-RCPT");
        window.retype("#field-address", "bob@example.test");
        window.click("#step-send");
        window.awaitState(SmtpPhase.RECIPIENTS_GIVEN.description());
        window.assertStep("DATA", LEGAL);
        window.click("#step-DATA");
        window.retype("#composer-subject", "From the first tab");
        window.click("#composer-send");
        int goAhead = window.awaitLine(line -> line.contains("S: 354 "), "the 354");
        window.awaitState(SmtpPhase.READY.description());
        window.step("QUIT");
        window.awaitState(SmtpPhase.CLOSED.description());
        // the last line: nothing more arrives to scroll the transcript while lines are clicked below
        window.awaitLine(line -> line.contains("*  Connection closed by the server"), "the closing note");

        List<String> wire = window.transcriptLines().stream().map(WindowLines::wire)
                .filter(line -> line.startsWith("C: ") || line.startsWith("S: ")).toList();
        assertThat(wire.subList(0, 3)).containsExactly(
                "S: 220 mail.example.test ESMTP Postfix (Mailbench practice server)",
                "C: EHLO client.example.test",
                "S: 250-mail.example.test");
        assertThat(wire).containsSubsequence(
                "C: MAIL FROM:<alice@example.test>",
                "S: 250 2.1.0 Ok",
                "C: RCPT TO:<someone@elsewhere.test>",
                "S: 550 5.7.1 <someone@elsewhere.test>: Relay access denied",
                "C: RCPT TO:<bob@example.test>",
                "S: 250 2.1.5 Ok",
                "C: DATA",
                "S: 354 End data with <CR><LF>.<CR><LF>",
                "C: QUIT",
                "S: 221 2.0.0 Bye");
        assertThat(window.lineStyle(refused)).containsExactly("reply-5xx");
        assertThat(window.lineStyle(goAhead)).containsExactly("reply-3xx");

        window.clickLine(goAhead);
        window.await(() -> window.text("#explanation-title").startsWith("354 "), "the explanation of 354");
        assertThat(explanationText()).contains(catalogue.smtpReply(354, "DATA"));

        window.clickLine(refused);
        window.await(() -> window.text("#explanation-title").startsWith("550 5.7.1 "), "the explanation of 550");
        assertThat(explanationText()).contains(catalogue.smtpReply(550), catalogue.enhancedStatus(5, 7, 1),
                "RCPT TO:<someone@elsewhere.test>");
        // the panel: bob has the message, and the server's side of the dialogue is there to read
        window.await(() -> mailboxSummaries().contains("bob: 1"), "the message in bob's mailbox");
        window.click("bob");
        window.await(() -> WindowDriver.onFx(() -> window.<ListView<MailboxMessage>>node("#practice-messages").getItems()
                .stream().map(message -> message.summary().subject()).toList()).equals(List.of("From the first tab")),
                "bob's message listed by its subject");
        window.click("#practice-messages .list-cell");
        window.click("#practice-open-message");
        window.await(() -> window.shown("#mime-title") && window.text("#mime-title").equals("bob #1"),
                "the message open in the MIME viewer");
        window.robot().push(KeyCode.CONTROL, KeyCode.W);
        window.click("#practice-tab-connections");
        window.await(() -> serverTranscript().contains("Relay access denied"), "the server's transcript");
        assertThat(connectionLabels()).singleElement().asString().startsWith("#1 SMTP from 127.0.0.1:");

        // the next tab reads it over POP3
        window.robot().push(KeyCode.CONTROL, KeyCode.W);
        window.clickMenu("File", "New POP3 Session");
        int pop3Port = practice(practice -> practice.server().orElseThrow().pop3Port());
        assertThat(WindowDriver.onFx(() -> window.<TextField>node("#port").getText())).isEqualTo(Integer.toString(pop3Port));
        // a new tab connects to the practice server by itself while it runs, as the first tab does
        window.awaitState(Pop3Phase.AUTHORIZATION.description());
        window.click("#step-USER");
        window.retype("#field-user", "bob");
        window.click("#step-send");
        window.await(() -> window.styleClasses("#step-PASS").contains(LEGAL), "PASS to become legal");
        window.click("#step-PASS");
        window.type("#field-password", "bob-pass");
        window.click("#step-send");
        window.awaitState(Pop3Phase.TRANSACTION.description());
        window.step("STAT");
        window.awaitLine(line -> line.contains("S: +OK 1 "), "STAT");
        window.step("LIST");
        window.awaitLine(line -> line.matches(".* S: 1 \\d+$"), "the scan listing");
        window.step("RETR");
        window.awaitLine(line -> line.endsWith("S: Subject: From the first tab"), "the message");
        window.step("DELE");
        window.awaitLine(line -> line.contains("C: DELE 1"), "DELE");
        window.step("QUIT");
        window.awaitState(Pop3Phase.CLOSED.description());

        // deleted in the UPDATE state after QUIT, and the panel says so
        window.click("#practice-tab-mailboxes");
        window.await(() -> mailboxSummaries().contains("bob: 0"), "bob's mailbox emptied by QUIT");
    }

    @Test
    void aFaultSwitchedOnInThePanelIsWhatTheNextCommandMeets() throws Exception {
        openTheWindow(onFreePorts());
        window.awaitState(SmtpPhase.GREETED.description());

        window.click("#practice-tab-faults");
        window.click("#practice-greylisting");
        assertThat(this.<Boolean>practice(practice -> practice.server().orElseThrow().faults().greylisting())).isTrue();

        window.step("EHLO");
        window.awaitState(SmtpPhase.READY.description());
        window.step("MAIL");
        window.awaitState(SmtpPhase.MAIL_GIVEN.description());
        window.step("RCPT");
        int greylisted = window.awaitLine(line -> line.contains("S: 450 4.7.1 "), "the greylisting reply");
        assertThat(window.lineStyle(greylisted)).containsExactly("reply-4xx");
        window.step("RCPT");
        window.awaitState(SmtpPhase.RECIPIENTS_GIVEN.description());

        window.click("#practice-faults-off");
        assertThat(this.<Boolean>practice(practice -> practice.server().orElseThrow().faults().greylisting())).isFalse();

        // View ▸ Practice Server Panel hides the panel and brings it back; the server runs on
        window.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        window.await(() -> !window.shown("#practice-panel"), "the panel hidden");
        window.step("RSET");
        window.awaitState(SmtpPhase.READY.description());
        window.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        window.await(() -> window.shown("#practice-panel"), "the panel shown again");
        assertThat(this.<Boolean>practice(practice -> practice.server().isPresent())).isTrue();
    }

    @Test
    void aTakenPortIsToldInThePanelAndFreePortsAreOneClickAway() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            openTheWindow(() -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(port, 0));

            window.await(() -> window.shown("#practice-problem"), "the problem in the panel");
            assertThat(window.text("#practice-problem"))
                    .startsWith("SMTP port " + port + " on 127.0.0.1 is already in use by another program.");
            assertThat(WindowDriver.onFx(() -> window.<TextField>node("#practice-smtp-port").getText()))
                    .isEqualTo(Integer.toString(port + 1));
            assertThat(window.shown("#practice-free-ports")).isTrue();

            window.click("#practice-free-ports");

            // once it runs, the first tab connects to it
            window.awaitState(SmtpPhase.GREETED.description());
            assertThat(window.shown("#practice-problem")).isFalse();
            assertThat(window.text("#practice-summary")).startsWith("Running: SMTP 127.0.0.1:")
                    .doesNotContain("127.0.0.1:" + port + ",");
        }
    }

    /** Reads the panel's view model on the UI thread: what the server behind the panel was told. */
    private <T> T practice(java.util.function.Function<PracticeServerViewModel, T> read) {
        return WindowDriver.onFx(() -> read.apply(window.<PracticeServerPanel>node("#practice-panel").viewModel()));
    }

    private List<String> mailboxSummaries() {
        return WindowDriver.onFx(() -> window.<TableView<MailboxRow>>node("#practice-mailboxes").getItems().stream()
                .map(MailboxRow::summary).map(summary -> summary.substring(0, summary.indexOf(" message"))).toList());
    }

    private List<String> mailboxPasswords() {
        return WindowDriver.onFx(() -> window.<TableView<MailboxRow>>node("#practice-mailboxes").getItems().stream()
                .map(MailboxRow::password).toList());
    }

    private List<String> connectionLabels() {
        return WindowDriver.onFx(() -> window.<ListView<ServerConnection>>node("#practice-connections").getItems()
                .stream().map(ServerConnection::label).toList());
    }

    private String serverTranscript() {
        return WindowDriver.onFx(() -> window.robot().lookup("#server-transcript").tryQuery()
                .map(rows -> {
                    TranscriptPane pane = WindowDriver.paneOf(rows);
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < pane.size(); i++) {
                        text.append(pane.lineText(i)).append('\n');
                    }
                    return text.toString();
                }).orElse(""));
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
