package dev.mailbench.app.practice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.task.QueuedUiExecutor;
import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.retrieval.RetrievedMessage;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The practice-server panel's view model without a window: the test's thread plays the UI thread, the server
 * is real (port 0, a temporary data directory), and Jakarta Mail is the client.
 */
class PracticeServerViewModelTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private final QueuedUiExecutor ui = new QueuedUiExecutor();
    private PracticeServerViewModel practice;

    private PracticeServerViewModel onFreePorts() {
        return new PracticeServerViewModel(ui,
                () -> DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0), Catalogue.english());
    }

    @AfterEach
    void stopTheServer() {
        if (practice != null) {
            practice.shutdown();
        }
    }

    private void startAndWait() throws InterruptedException {
        practice.start();
        ui.runUntil(() -> practice.statusProperty().get() != PracticeServerViewModel.Status.STARTING, WAIT);
        assertThat(practice.problemProperty().get()).isEmpty();
        assertThat(practice.statusProperty().get()).isEqualTo(PracticeServerViewModel.Status.RUNNING);
    }

    @Test
    void startsAndListsTheClassroomAccountsWithTheirPasswords() throws Exception {
        practice = onFreePorts();

        startAndWait();
        ui.runUntil(() -> practice.mailboxes().size() == 2, WAIT);

        int smtp = practice.server().orElseThrow().smtpPort();
        assertThat(practice.summaryProperty().get())
                .startsWith("Running: SMTP 127.0.0.1:" + smtp + ", POP3 127.0.0.1:")
                .endsWith(", as Postfix / Dovecot (default)");
        assertThat(practice.smtpPortProperty().get()).isEqualTo(Integer.toString(smtp));
        assertThat(practice.mailboxes()).extracting(MailboxRow::summary)
                .containsExactly("alice: 0 messages, 0 octets", "bob: 0 messages, 0 octets");
        assertThat(practice.mailboxes()).extracting(MailboxRow::password).containsExactly("alice-pass", "bob-pass");
        assertThat(practice.endpoint(MailProtocol.POP3)).contains(new ConnectionSettings("127.0.0.1",
                practice.server().orElseThrow().pop3Port(), MailProtocol.POP3, TlsMode.NONE));
    }

    @Test
    void mailSentOverSmtpShowsInTheMailboxTheConnectionListAndOpensAsAMessage() throws Exception {
        practice = onFreePorts();
        startAndWait();

        send("alice@example.test", "bob@example.test", "Lunch?", "Hello Bob,\r\n.see you at noon\r\n");

        ui.runUntil(() -> practice.mailboxes().stream().anyMatch(row -> row.user().equals("bob") && row.messages().size() == 1), WAIT);
        MailboxRow bob = practice.mailboxes().stream().filter(row -> row.user().equals("bob")).findFirst().orElseThrow();
        assertThat(bob.summary()).startsWith("bob: 1 message, ");

        AtomicReference<RetrievedMessage> opened = new AtomicReference<>();
        assertThat(bob.messages().get(0).summary())
                .isEqualTo(new dev.mailbench.mime.MessageSummary("alice@example.test", "Lunch?"));
        practice.open(bob.messages().get(0).stored(), 1, opened::set);
        ui.runUntil(() -> opened.get() != null, WAIT);
        assertThat(opened.get().command()).isEqualTo("bob #1");
        assertThat(new String(opened.get().content(), StandardCharsets.UTF_8))
                .startsWith("Return-Path: <alice@example.test>\r\nReceived: from client.example.test").contains("Subject: Lunch?", "\r\n.see you at noon\r\n");

        ui.runUntil(() -> !practice.connections().isEmpty(), WAIT);
        ServerConnection connection = practice.connections().get(0);
        assertThat(connection.protocol()).isEqualTo(MailProtocol.SMTP);
        assertThat(connection.label()).startsWith("#1 SMTP from 127.0.0.1:");
        assertThat(practice.selectedConnectionProperty().get()).isSameAs(connection);
        ui.runUntil(() -> lines(connection).contains("C: QUIT"), WAIT);
        assertThat(lines(connection)).contains("C: MAIL FROM:<alice@example.test>", "C: RCPT TO:<bob@example.test>", "C: DATA")
                .anyMatch(line -> line.startsWith("S: 354 "))
                .anyMatch(line -> line.startsWith("N: Delivered as "));
    }

    @Test
    void faultsSwitchedInThePanelReachTheRunningServer() throws Exception {
        practice = onFreePorts();
        startAndWait();

        practice.rcptFailureProperty().set(451);
        practice.greylistingProperty().set(true);
        practice.replyDelaySecondsProperty().set(1);

        var faults = practice.server().orElseThrow().faults();
        assertThat(faults.rcptTemporaryFailure()).isEqualTo(451);
        assertThat(faults.greylisting()).isTrue();
        assertThat(faults.replyDelay()).isEqualTo(Duration.ofSeconds(1));

        practice.replyDelaySecondsProperty().set(0);
        assertThatThrownBy(() -> send("alice@example.test", "bob@example.test", "Refused", "Hi\r\n"))
                .isInstanceOf(MessagingException.class).hasStackTraceContaining("451");

        practice.faultsOff();
        assertThat(faults.rcptTemporaryFailure()).isZero();
        assertThat(faults.greylisting()).isFalse();
        send("alice@example.test", "bob@example.test", "Accepted", "Hi\r\n");
    }

    @Test
    void smtpAfterPopIsOffUntilSwitchedOnInThePanelAndAllFaultsOffLeavesIt() throws Exception {
        practice = onFreePorts();
        startAndWait();
        var server = practice.server().orElseThrow();
        assertThat(practice.smtpAfterPopProperty().get()).isFalse();
        assertThat(server.relay().smtpAfterPop()).isFalse();

        practice.smtpAfterPopProperty().set(true);
        assertThat(server.relay().smtpAfterPop()).isTrue();
        assertThat(server.relay().smtpAfterPopWindow()).isEqualTo(Duration.ofMinutes(10));
        practice.faultsOff();
        assertThat(server.relay().smtpAfterPop()).isTrue();

        practice.smtpAfterPopProperty().set(false);
        assertThat(server.relay().smtpAfterPop()).isFalse();

        // a lesson's own window, while it is on; the configured one once the lesson gives it back
        practice.smtpAfterPopMinutesProperty().set(3);
        practice.smtpAfterPopProperty().set(true);
        assertThat(server.relay().smtpAfterPopWindow()).isEqualTo(Duration.ofMinutes(3));
        practice.smtpAfterPopMinutesProperty().set(0);
        assertThat(server.relay().smtpAfterPopWindow()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aPersonalityChosenInThePanelGreetsNewConnections() throws Exception {
        practice = onFreePorts();
        startAndWait();

        practice.personalityProperty().set("exchange55");

        assertThat(practice.server().orElseThrow().personality().id()).isEqualTo("exchange55");
        assertThat(practice.summaryProperty().get()).contains("Exchange");
        try (Socket socket = new Socket("127.0.0.1", practice.server().orElseThrow().smtpPort())) {
            socket.setSoTimeout(15_000);
            String banner = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(banner).startsWith("220 ").contains("Microsoft Exchange Internet Mail Service 5.5");
        }
    }

    @Test
    void aTakenPortIsToldInWordsAndAnotherIsOffered() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            practice = new PracticeServerViewModel(ui,
                    () -> DataDirectory.at(temp).loadOrCreateConfig().withPorts(port, 0), Catalogue.english());

            practice.start();
            ui.runUntil(() -> practice.statusProperty().get() == PracticeServerViewModel.Status.STOPPED, WAIT);

            assertThat(practice.problemProperty().get())
                    .startsWith("SMTP port " + port + " on 127.0.0.1 is already in use by another program.");
            assertThat(practice.smtpPortProperty().get()).isEqualTo(Integer.toString(port + 1));
            assertThat(practice.summaryProperty().get()).isEqualTo("Not running");

            practice.startOnFreePorts();
            ui.runUntil(() -> practice.statusProperty().get() == PracticeServerViewModel.Status.RUNNING, WAIT);
            assertThat(practice.problemProperty().get()).isEmpty();
            assertThat(practice.server().orElseThrow().smtpPort()).isNotEqualTo(port);
        }
    }

    @Test
    void aPortThatIsNotANumberIsRefusedBeforeAnythingStarts() {
        practice = onFreePorts();
        practice.smtpPortProperty().set("twenty-five");

        practice.start();

        assertThat(practice.statusProperty().get()).isEqualTo(PracticeServerViewModel.Status.STOPPED);
        assertThat(practice.problemProperty().get())
                .isEqualTo("SMTP port must be a number from 1 to 65535 (or 0 for any free port): twenty-five");
    }

    @Test
    void stoppingClosesThePortsAndKeepsTheMail() throws Exception {
        practice = onFreePorts();
        startAndWait();
        send("bob@example.test", "alice@example.test", "Kept", "Hi\r\n");
        var running = practice.server().orElseThrow();

        practice.stop();
        ui.runUntil(() -> practice.statusProperty().get() == PracticeServerViewModel.Status.STOPPED, WAIT);

        assertThat(practice.summaryProperty().get()).isEqualTo("Stopped");
        assertThat(practice.endpoint(MailProtocol.SMTP)).isEmpty();
        // (not a connection attempt: another program may be given the freed port at once)
        assertThat(running.isRunning()).isFalse();

        practice.smtpPortProperty().set("0");
        practice.pop3PortProperty().set("0");
        startAndWait();
        ui.runUntil(() -> practice.mailboxes().stream().anyMatch(row -> row.user().equals("alice") && row.messages().size() == 1), WAIT);
    }

    private void send(String from, String to, String subject, String text) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(practice.server().orElseThrow().smtpPort()));
        props.put("mail.smtp.localhost", "client.example.test");
        props.put("mail.smtp.timeout", "15000");
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject);
        message.setText(text, "UTF-8");
        Transport.send(message);
    }

    /** The connection's server-side transcript as "C: …", "S: …", "N: …" lines, as far as it has arrived. */
    private static List<String> lines(ServerConnection connection) {
        connection.transcript().drain(Integer.MAX_VALUE);
        return connection.transcript().entries().stream().map(TranscriptEntry::event)
                .map(event -> event.direction().name().charAt(0) + ": " + event.line()).toList();
    }
}
