package dev.mailbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.ServerConfig;
import dev.mailbench.server.smtp.RelayPolicy;
import dev.mailbench.wire.MailProtocol;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped lesson, done end to end as a student at a telnet prompt would, against the practice server (port 0,
 * a temporary data directory), checked live as the lines arrive: after each step's lines, that step and the ones
 * before it are met and the ones after it are not. A step that needs a server setting gets it from the lesson's
 * data.
 */
class ShippedLessonsEndToEndTest {

    @TempDir
    Path temp;

    private PracticeServer server;
    private LessonProgress progress;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Starts (or restarts) the server with the settings {@code step} needs; SMTP after POP off unless it asks. */
    private void serverFor(LessonStep step) throws Exception {
        if (server != null) {
            server.close();
        }
        boolean smtpAfterPop = step.needs().stream().anyMatch(s -> s.name() == ServerSetting.Name.SMTP_AFTER_POP
                && !s.value().equals("off"));
        ServerConfig config = DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0)
                .withRelay(RelayPolicy.DEFAULTS.withSmtpAfterPop(smtpAfterPop));
        server = PracticeServer.start(config);
    }

    private Lesson begin(String id) throws Exception {
        Lesson lesson = LessonLibrary.builtIn(Locale.ROOT).lesson(id).orElseThrow();
        serverFor(lesson.steps().get(0));
        progress = new LessonProgress(lesson, user -> new StoreMailboxes(server.store()).headers(user),
                Catalogue.english());
        assertMetUpTo(0);
        return lesson;
    }

    private Telnet smtp() throws Exception {
        return Telnet.open(MailProtocol.SMTP, server.smtpPort(), progress);
    }

    private Telnet pop3() throws Exception {
        return Telnet.open(MailProtocol.POP3, server.pop3Port(), progress);
    }

    /** The first {@code count} steps are met, the others not. */
    private void assertMetUpTo(int count) {
        progress.mailboxesChanged();
        List<StepStatus> steps = progress.steps();
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).isMet()).as("step %d, %s", i + 1, steps.get(i).step().title()).isEqualTo(i < count);
        }
    }

    private void deliverToAlice(String subject) throws Exception {
        server.store().deliver(List.of("alice"), new ByteArrayInputStream(("From: bob@example.test\r\nSubject: "
                + subject + "\r\n\r\nHello.\r\n").getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void firstSmtp() throws Exception {
        begin("first-smtp");
        try (Telnet smtp = smtp()) {
            smtp.type("HELO client.example.test").expect("250");
            assertMetUpTo(1);
            smtp.type("MAIL FROM:<bob@example.test>").expect("250");
            smtp.type("RCPT TO:<alice@example.test>").expect("250");
            assertMetUpTo(2);
            smtp.type("DATA").expect("354");
            smtp.text("Subject: Hello from telnet").text("").text("This is the message.");
            smtp.type(".").expect("250");
            assertMetUpTo(3);
            smtp.type("QUIT").expect("221");
            assertMetUpTo(4);
        }
        try (Telnet pop3 = pop3()) {
            pop3.type("USER alice").expect("+OK");
            pop3.type("PASS alice-pass").expect("+OK");
            pop3.type("RETR 1", true).expect("+OK");
        }
        assertMetUpTo(5);
        assertThat(progress.isComplete()).isTrue();
    }

    @Test
    void pop3Read() throws Exception {
        begin("pop3-read");
        deliverToAlice("to read");
        try (Telnet pop3 = pop3()) {
            pop3.type("USER alice").expect("+OK");
            pop3.type("PASS alice-pass").expect("+OK");
            assertMetUpTo(1);
            pop3.type("STAT").expect("+OK");
            pop3.type("LIST", true).expect("+OK");
            assertMetUpTo(2);
            pop3.type("RETR 1", true).expect("+OK");
            pop3.type("TOP 1 0", true).expect("+OK");
            assertMetUpTo(3);
            pop3.type("DELE 1").expect("+OK");
            pop3.type("RSET").expect("+OK");
            assertMetUpTo(4);
            pop3.type("QUIT").expect("+OK");
        }
        assertMetUpTo(5);
        assertThat(server.store().listMessages("alice")).as("RSET took the deletion back").hasSize(1);
    }

    @Test
    void ehloAndHelp() throws Exception {
        begin("ehlo-and-help");
        try (Telnet smtp = smtp()) {
            smtp.type("HELO client.example.test").expect("250");
            assertMetUpTo(1);
            smtp.type("EHLO client.example.test").expect("250");
            assertThat(smtp.reply()).contains("SIZE", "PIPELINING", "AUTH", "STARTTLS");
            assertMetUpTo(2);
            smtp.type("HELP").expect("214");
            assertMetUpTo(3);
            smtp.type("VRFY alice").expect("2");
            assertMetUpTo(4);
            smtp.type("EXPN class").expect("250");
            assertMetUpTo(5);
        }
    }

    @Test
    void authLogin() throws Exception {
        begin("auth-login");
        try (Telnet smtp = smtp()) {
            smtp.type("EHLO client.example.test").expect("250");
            smtp.type("AUTH LOGIN").expect("334 VXNlcm5hbWU6");
            smtp.type("YWxpY2U=").expect("334 UGFzc3dvcmQ6");
            assertMetUpTo(0);
            smtp.type("YWxpY2UtcGFzcw==").expect("235");
            assertMetUpTo(1);
        }
        try (Telnet smtp = smtp()) {
            smtp.type("EHLO client.example.test").expect("250");
            smtp.type("AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=").expect("235");
        }
        assertMetUpTo(2);
    }

    @Test
    void envelopeVsHeader() throws Exception {
        begin("envelope-vs-header");
        try (Telnet smtp = smtp()) {
            smtp.type("EHLO client.example.test").expect("250");
            smtp.type("MAIL FROM:<bob@example.test>").expect("250");
            smtp.type("RCPT TO:<alice@example.test>").expect("250");
            assertMetUpTo(0);
            smtp.type("RCPT TO:<bob@example.test>").expect("250");
            assertMetUpTo(1);
            smtp.type("DATA").expect("354");
            smtp.text("From: The Director <director@elsewhere.example>").text("To: alice@example.test")
                    .text("Subject: Envelope or header?").text("").text("Who sent this?");
            smtp.type(".").expect("250");
            smtp.type("QUIT").expect("221");
        }
        assertMetUpTo(2);
    }

    @Test
    void relay() throws Exception {
        Lesson lesson = begin("relay");
        try (Telnet smtp = smtp()) {
            smtp.type("EHLO client.example.test").expect("250");
            smtp.type("MAIL FROM:<bob@example.test>").expect("250");
            smtp.type("RCPT TO:<friend@elsewhere.example>").expect("550 5.7.1");
            assertMetUpTo(1);
            smtp.type("RSET").expect("250");
            smtp.type("AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=").expect("235");
            smtp.type("MAIL FROM:<alice@example.test>").expect("250");
            smtp.type("RCPT TO:<friend@elsewhere.example>").expect("250");
            smtp.type("QUIT").expect("221");
        }
        assertMetUpTo(2);

        LessonStep smtpAfterPop = lesson.steps().get(2);
        assertThat(smtpAfterPop.needs()).containsExactly(new ServerSetting(ServerSetting.Name.SMTP_AFTER_POP, "10"));
        serverFor(smtpAfterPop);
        try (Telnet pop3 = pop3()) {
            pop3.type("USER alice").expect("+OK");
            pop3.type("PASS alice-pass").expect("+OK");
            pop3.type("QUIT").expect("+OK");
        }
        try (Telnet smtp = smtp()) {
            smtp.type("EHLO client.example.test").expect("250");
            smtp.type("MAIL FROM:<alice@example.test>").expect("250");
            smtp.type("RCPT TO:<friend@elsewhere.example>").expect("250");
            smtp.type("QUIT").expect("221");
        }
        assertMetUpTo(3);
    }

    @Test
    void endOfData() throws Exception {
        begin("end-of-data");
        try (Telnet smtp = smtp()) {
            smtp.type("EHLO client.example.test").expect("250");
            smtp.type("MAIL FROM:<bob@example.test>").expect("250");
            smtp.type("RCPT TO:<alice@example.test>").expect("250");
            smtp.type("DATA").expect("354");
            smtp.text("Subject: dots").text("").text("..and this line starts with a dot");
            assertMetUpTo(0);
            smtp.type(".").expect("250");
            smtp.type("QUIT").expect("221");
        }
        assertMetUpTo(1);
        try (Telnet pop3 = pop3()) {
            pop3.type("USER alice").expect("+OK");
            pop3.type("PASS alice-pass").expect("+OK");
            pop3.type("RETR 1", true).expect("+OK");
        }
        assertMetUpTo(2);
    }

    @Test
    void starttls() throws Exception {
        begin("starttls");
        try (Telnet smtp = smtp()) {
            smtp.type("EHLO client.example.test").expect("250");
            assertThat(smtp.reply()).contains("STARTTLS");
            assertMetUpTo(1);
            smtp.type("STARTTLS").expect("220");
            smtp.startTls(server.certificate());
            smtp.type("NOOP").expect("250");
            assertMetUpTo(2);
            smtp.type("EHLO client.example.test").expect("250");
            assertThat(smtp.reply()).doesNotContain("STARTTLS");
            assertMetUpTo(3);
        }
    }
}
