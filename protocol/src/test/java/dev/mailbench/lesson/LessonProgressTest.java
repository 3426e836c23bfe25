package dev.mailbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.SavedTranscript;
import dev.mailbench.server.practice.TranscriptArchive;
import dev.mailbench.server.smtp.RelayPolicy;
import dev.mailbench.wire.MailProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lesson's checks read live and after the fact alike; a recognisable mistake is said in the catalogue's words;
 * kept transcripts are read back from a directory, and narrowed to one student's connections.
 */
class LessonProgressTest {

    @TempDir
    Path temp;

    private final Lesson firstSmtp = LessonLibrary.builtIn(Locale.ROOT).lesson("first-smtp").orElseThrow();
    private final Catalogue catalogue = Catalogue.english();

    private PracticeServer start() throws Exception {
        return PracticeServer.start(DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0)
                .withRelay(RelayPolicy.DEFAULTS.withSmtpAfterPop(false)));
    }

    @Test
    void rcptBeforeMailIsAnExplainedMistakeAndTheStepStaysUnmet() throws Exception {
        try (PracticeServer server = start()) {
            LessonProgress progress = new LessonProgress(firstSmtp, MailboxView.NONE, catalogue);
            try (Telnet smtp = Telnet.open(MailProtocol.SMTP, server.smtpPort(), progress)) {
                smtp.type("HELO client.example.test").expect("250");
                smtp.type("RCPT TO:<alice@example.test>").expect("503");

                StepStatus envelope = progress.steps().get(1);
                assertThat(envelope.state()).isEqualTo(StepStatus.State.MISTAKE);
                assertThat(envelope.mistake()).hasValue("The server answered 503 5.5.1 to RCPT: "
                        + catalogue.smtpReply(503, "RCPT"));
                assertThat(progress.current()).contains(envelope);

                smtp.type("MAIL FROM:<bob@example.test>").expect("250");
                assertThat(progress.steps().get(1).state()).as("no longer a mistake").isEqualTo(StepStatus.State.WAITING);
                smtp.type("RCPT TO:<alice@example.test>").expect("250");
                assertThat(progress.steps().get(1).state()).isEqualTo(StepStatus.State.MET);
            }
        }
    }

    @Test
    void theMistakeStaysTheLastWordWhenTheStudentSaysGoodbye() throws Exception {
        try (PracticeServer server = start()) {
            LessonProgress progress = new LessonProgress(firstSmtp, MailboxView.NONE, catalogue);
            try (Telnet smtp = Telnet.open(MailProtocol.SMTP, server.smtpPort(), progress)) {
                smtp.type("HELO client.example.test").expect("250");
                smtp.type("RCPT TO:<alice@example.test>").expect("503");
                smtp.type("QUIT").expect("221");
            }
            assertThat(progress.current().orElseThrow().mistake()).hasValue("The server answered 503 5.5.1 to RCPT: "
                    + catalogue.smtpReply(503, "RCPT"));
        }
    }

    @Test
    void showMeNamesTheMovesOfTheConditionsNotMetYetWithTheArgumentsThePatternsSpellOut() throws Exception {
        try (PracticeServer server = start()) {
            LessonProgress progress = new LessonProgress(firstSmtp, MailboxView.NONE, catalogue);
            assertThat(progress.toShow()).extracting(Demonstration.Move::target).containsExactly("greeting", "HELO");
            try (Telnet smtp = Telnet.open(MailProtocol.SMTP, server.smtpPort(), progress)) {
                smtp.type("HELO client.example.test").expect("250");
                assertThat(progress.toShow()).containsExactly(
                        new Demonstration.Move("MAIL", Optional.empty()),
                        new Demonstration.Move("RCPT", Optional.of("alice@example.test")));
                smtp.type("MAIL FROM:<bob@example.test>").expect("250");
                assertThat(progress.toShow()).as("MAIL is done; the order and the RCPT are not")
                        .extracting(Demonstration.Move::target).containsExactly("MAIL", "RCPT");
            }
        }
        LessonProgress restored = new LessonProgress(firstSmtp, MailboxView.NONE, catalogue);
        restored.restore(List.of(0, 1, 2, 3, 99));
        assertThat(restored.metSteps()).containsExactly(0, 1, 2, 3);
        assertThat(restored.toShow()).as("USER comes before PASS (RFC 1939 §7)").containsExactly(
                new Demonstration.Move("USER", Optional.empty()),
                new Demonstration.Move("PASS", Optional.empty()),
                new Demonstration.Move("RETR", Optional.of("1")));
        assertThat(restored.toShow().get(2).protocol()).contains(MailProtocol.POP3);
    }

    @Test
    void aKeptTranscriptIsCheckedAfterTheFactAsItWasLive() throws Exception {
        LessonProgress live = new LessonProgress(firstSmtp, MailboxView.NONE, catalogue);
        try (PracticeServer server = start()) {
            try (Telnet smtp = Telnet.open(MailProtocol.SMTP, server.smtpPort(), live)) {
                smtp.type("HELO client.example.test").expect("250");
                smtp.type("MAIL FROM:<bob@example.test>").expect("250");
                smtp.type("RCPT TO:<alice@example.test>").expect("250");
                smtp.type("DATA").expect("354");
                smtp.text("Subject: kept").text("").text(".a dotted line, not stuffed by telnet: the dot is lost")
                        .text("\u00dcmlaut \\ backslash");
                smtp.type(".").expect("250");
                smtp.type("QUIT").expect("221");
            }
        }
        // the server kept the connection's transcript (its own side of it) when it ended
        List<SavedTranscript> kept = TranscriptArchive.readAll(DataDirectory.at(temp.resolve("data")));
        assertThat(kept).hasSize(1);
        LessonProgress afterwards = new LessonProgress(firstSmtp, MailboxView.NONE, catalogue);
        afterwards.read(new RecordedSession("kept", kept.get(0).protocol(), kept.get(0).events()));

        assertThat(afterwards.steps()).extracting(StepStatus::state)
                .isEqualTo(live.steps().stream().map(StepStatus::state).toList())
                .containsExactly(StepStatus.State.MET, StepStatus.State.MET, StepStatus.State.WAITING,
                        StepStatus.State.MET, StepStatus.State.WAITING);
    }

    @Test
    void aStudentsSessionsAreThoseThatLoggedInOrSentMailAsThem() throws Exception {
        try (PracticeServer server = start()) {
            Telnet bobSends = Telnet.open(MailProtocol.SMTP, server.smtpPort(), null);
            bobSends.type("HELO x").type("MAIL FROM:<bob@example.test>").expect("250").close();
            Telnet aliceReads = Telnet.open(MailProtocol.POP3, server.pop3Port(), null);
            aliceReads.type("USER alice").type("PASS alice-pass").expect("+OK").close();
            Telnet aliceLogsIn = Telnet.open(MailProtocol.SMTP, server.smtpPort(), null);
            aliceLogsIn.type("EHLO x").type("AUTH LOGIN").type("YWxpY2U=").type("YWxpY2UtcGFzcw==").expect("235")
                    .close();
            Telnet nobody = Telnet.open(MailProtocol.SMTP, server.smtpPort(), null);
            nobody.type("EHLO x").close();

            List<RecordedSession> all = List.of(
                    new RecordedSession("bob", MailProtocol.SMTP, bobSends.events()),
                    new RecordedSession("alice-pop", MailProtocol.POP3, aliceReads.events()),
                    new RecordedSession("alice-auth", MailProtocol.SMTP, aliceLogsIn.events()),
                    new RecordedSession("nobody", MailProtocol.SMTP, nobody.events()));

            assertThat(StudentFilter.sessionsOf("Alice", all)).extracting(RecordedSession::name)
                    .containsExactly("alice-pop", "alice-auth");
            assertThat(StudentFilter.sessionsOf("bob", all)).extracting(RecordedSession::name).containsExactly("bob");
        }
    }
}
