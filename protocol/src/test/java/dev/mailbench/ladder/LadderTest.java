package dev.mailbench.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.explain.LineClass;
import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.tls.ClientTls;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ladders of real conversations with the practice server over loopback. */
class LadderTest {

    @TempDir
    static Path temp;
    private static PracticeServer server;
    private static Transcript smtpTranscript;
    private static Transcript pop3Transcript;

    @BeforeAll
    static void converse() throws Exception {
        server = PracticeServer.start(DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0));
        ClientOptions options = ClientOptions.defaults(new ClientTlsLayer(
                ClientTls.trustingDefaultsAnd(List.of(server.certificate())))).withReplyTimeout(Duration.ofSeconds(15));
        smtpTranscript = new Transcript();
        try (SmtpClientSession smtp = new SmtpClientSession(smtpTranscript, options)) {
            smtp.connect("127.0.0.1", server.smtpPort(), TlsMode.NONE);
            smtp.ehlo("client.example.test");
            smtp.startTls();
            smtp.ehlo("client.example.test");
            smtp.authPlain("alice", "alice-pass");
            // RFC 2920: three commands before the first reply; the server answers each after a pause, so that the
            // three are written before the first answer comes however the threads are scheduled
            server.faults().replyDelay(Duration.ofMillis(200));
            CompletableFuture<SmtpReply> mail = smtp.send("MAIL FROM:<alice@example.test>").orElseThrow();
            CompletableFuture<SmtpReply> rcpt = smtp.send("RCPT TO:<bob@example.test>").orElseThrow();
            CompletableFuture<SmtpReply> nobody = smtp.send("RCPT TO:<nobody@example.test>").orElseThrow();
            nobody.get(15, TimeUnit.SECONDS);
            mail.get();
            rcpt.get();
            server.faults().replyDelay(Duration.ZERO);
            smtp.data("Subject: ladder\r\n\r\nline one\r\nline two\r\n".getBytes(StandardCharsets.US_ASCII));
            smtp.quit();
        }
        pop3Transcript = new Transcript();
        try (Pop3ClientSession pop3 = new Pop3ClientSession(pop3Transcript, options)) {
            pop3.connect("127.0.0.1", server.pop3Port(), TlsMode.NONE);
            pop3.user("bob");
            pop3.pass("bob-pass");
            pop3.list();
            pop3.retr(1);
            pop3.command("FROB");
            pop3.quit();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyCommandAndEveryReplyIsOneArrowAndAMultiLineReplyIsOne() {
        Ladder ladder = Ladder.of(MailProtocol.SMTP, smtpTranscript);

        List<String> commands = labels(ladder, RowKind.COMMAND);
        assertThat(commands).containsExactly("EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL", "RCPT", "RCPT", "DATA",
                "QUIT");
        LadderRow ehlo = ladder.row(ladder.rowOf(sequenceOf(smtpTranscript, "EHLO client.example.test")));
        LadderRow ehloReply = ladder.row(ehlo.answeredBy());
        assertThat(ehloReply.kind()).isEqualTo(RowKind.REPLY);
        assertThat(ehloReply.lineCount()).isGreaterThan(3);
        assertThat(ehloReply.label()).isEqualTo("250");
        assertThat(ehloReply.lineClass()).isEqualTo(LineClass.SUCCESS);
        assertThat(ehloReply.stroke()).isEqualTo(ArrowStroke.SOLID);
        // on paper, where it cannot be opened, the arrow says how it ended in black and white and how many lines it had
        assertThat(ehloReply.printedText()).isEqualTo(ArrowStroke.SOLID.mark() + " " + ehloReply.arrowText() + "  ("
                + ehloReply.lineCount() + " lines)");
        assertThat(ehlo.printedText()).isEqualTo("EHLO client.example.test");
        // every line of the multi-line reply shows on its one arrow
        for (long line = ehloReply.firstSequence(); line <= ehloReply.lastSequence(); line++) {
            assertThat(ladder.rowOf(line)).isEqualTo(ehlo.answeredBy());
        }
        assertThat(ladder.row(0).kind()).isEqualTo(RowKind.NOTE);
        LadderRow greeting = ladder.rows().stream().filter(row -> row.kind() == RowKind.REPLY).findFirst().orElseThrow();
        assertThat(greeting.answers()).isEqualTo(LadderRow.CONNECTION);
        assertThat(greeting.label()).startsWith("220");
        assertThat(greeting.latency()).isPresent();
    }

    @Test
    void repliesCarryTheirEnhancedCodeClassAndLatency() {
        Ladder ladder = Ladder.of(MailProtocol.SMTP, smtpTranscript);
        LadderRow refusal = replyTo(ladder, "RCPT TO:<nobody@example.test>");

        assertThat(refusal.label()).matches("5\\d\\d 5\\.\\d\\.\\d+");
        assertThat(refusal.lineClass()).isEqualTo(LineClass.PERMANENT);
        assertThat(refusal.stroke().mark()).isEqualTo("✗");
        assertThat(refusal.latency()).isPresent();
        LadderRow dataReply = replyTo(ladder, "DATA");
        assertThat(dataReply.label()).startsWith("354");
        assertThat(dataReply.lineClass()).isEqualTo(LineClass.INTERMEDIATE);
    }

    @Test
    void theMessageTextIsOneArrowAnsweredByOneReply() {
        Ladder ladder = Ladder.of(MailProtocol.SMTP, smtpTranscript);
        LadderRow message = ladder.rows().stream().filter(row -> row.kind() == RowKind.MESSAGE).findFirst()
                .orElseThrow();

        assertThat(message.lineCount()).isEqualTo(5); // Subject, blank, two lines, the dot
        assertThat(message.isComplete()).isTrue();
        LadderRow queued = ladder.row(message.answeredBy());
        assertThat(queued.label()).startsWith("250");
    }

    @Test
    void pipelinedCommandsFormAGroupWithEachReplyJoinedToItsCommand() {
        Ladder ladder = Ladder.of(MailProtocol.SMTP, smtpTranscript);
        int mail = ladder.rowOf(sequenceOf(smtpTranscript, "MAIL FROM:<alice@example.test>"));
        int bob = ladder.rowOf(sequenceOf(smtpTranscript, "RCPT TO:<bob@example.test>"));
        int nobody = ladder.rowOf(sequenceOf(smtpTranscript, "RCPT TO:<nobody@example.test>"));

        assertThat(ladder.row(mail).group()).isEqualTo(mail);
        assertThat(ladder.row(bob).group()).isEqualTo(mail);
        assertThat(ladder.row(nobody).group()).isEqualTo(mail);
        assertThat(List.of(ladder.row(mail).answeredBy(), ladder.row(bob).answeredBy(), ladder.row(nobody).answeredBy()))
                .isSorted().doesNotHaveDuplicates().allMatch(row -> row > nobody);
        assertThat(ladder.row(ladder.row(bob).answeredBy()).answers()).isEqualTo(bob);
        assertThat(ladder.row(ladder.row(bob).answeredBy()).group()).isEqualTo(mail);
        int ehlo = ladder.rowOf(sequenceOf(smtpTranscript, "EHLO client.example.test"));
        assertThat(ladder.row(ehlo).group()).isEqualTo(LadderRow.NONE);
    }

    @Test
    void aTlsBandStandsAfterTheReplyToStartTlsAndTheNotesStayNotes() {
        Ladder ladder = Ladder.of(MailProtocol.SMTP, smtpTranscript);
        int startTls = ladder.rowOf(sequenceOf(smtpTranscript, "STARTTLS"));
        int ready = ladder.row(startTls).answeredBy();

        assertThat(ladder.row(ready + 1).kind()).isEqualTo(RowKind.TLS);
        assertThat(ladder.rows().stream().filter(row -> row.kind() == RowKind.TLS)).hasSize(1);
        assertThat(ladder.rows().subList(ready + 2, ladder.size()).stream().filter(LadderRow::isArrow))
                .allMatch(LadderRow::tls);
        assertThat(labels(ladder, RowKind.NOTE)).anyMatch(note -> note.startsWith("Connected to"))
                .anyMatch(note -> note.startsWith("TLS established"));
    }

    @Test
    void aPasswordIsMaskedOnItsArrow() {
        Ladder ladder = Ladder.of(MailProtocol.SMTP, smtpTranscript);
        LadderRow auth = ladder.rows().stream().filter(row -> row.label().equals("AUTH")).findFirst().orElseThrow();

        assertThat(auth.detail()).startsWith("AUTH PLAIN ").doesNotContain("YWxpY2U");
    }

    @Test
    void aPop3ResponseWithItsTextIsOneArrowAndAnErrIsRefused() {
        Ladder ladder = Ladder.of(MailProtocol.POP3, pop3Transcript);

        assertThat(labels(ladder, RowKind.COMMAND)).containsExactly("USER", "PASS", "LIST", "RETR", "FROB", "QUIT");
        LadderRow retr = replyTo(ladder, "RETR 1");
        assertThat(retr.label()).isEqualTo("+OK");
        assertThat(retr.lineCount()).isGreaterThan(3);
        assertThat(retr.isComplete()).isTrue();
        assertThat(ladder.rowOf(retr.lastSequence())).isEqualTo(ladder.rowOf(retr.firstSequence()));
        LadderRow frob = replyTo(ladder, "FROB");
        assertThat(frob.label()).startsWith("-ERR");
        assertThat(frob.lineClass()).isEqualTo(LineClass.PERMANENT);
        assertThat(ladder.rows().stream().filter(row -> row.label().equals("PASS")).findFirst().orElseThrow().detail())
                .doesNotContain("bob-pass");
    }

    @Test
    void readingEventsOneByOneGrowsTheSameLadderAsReadingThemAtOnce() {
        Ladder whole = Ladder.of(MailProtocol.SMTP, smtpTranscript);
        Ladder growing = new Ladder(MailProtocol.SMTP);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < smtpTranscript.size(); i++) {
            growing.accept(smtpTranscript.event(i));
            sizes.add(growing.size());
        }

        assertThat(sizes).isSorted();
        assertThat(growing.rows().stream().map(LadderTest::describe).toList())
                .isEqualTo(whole.rows().stream().map(LadderTest::describe).toList());
    }

    @Test
    void aTlsBandStandsAfterPlusOkToStlsAndBeforeTheFirstLineOfImplicitTls() {
        Transcript stls = new Transcript();
        record(stls, Direction.SERVER, "+OK ready", false);
        record(stls, Direction.CLIENT, "STLS", false);
        record(stls, Direction.SERVER, "+OK begin TLS", false);
        record(stls, Direction.CLIENT, "CAPA", true);
        Ladder pop3 = Ladder.of(MailProtocol.POP3, stls);
        assertThat(pop3.rows().stream().map(LadderRow::kind))
                .containsExactly(RowKind.REPLY, RowKind.COMMAND, RowKind.REPLY, RowKind.TLS, RowKind.COMMAND);

        Transcript implicit = new Transcript();
        implicit.note("Connecting to 127.0.0.1:465 with implicit TLS …");
        record(implicit, Direction.SERVER, "220 ready", true);
        Ladder smtp = Ladder.of(MailProtocol.SMTP, implicit);
        assertThat(smtp.rows().stream().map(LadderRow::kind)).containsExactly(RowKind.NOTE, RowKind.TLS, RowKind.REPLY);
        assertThat(smtp.row(2).tls()).isTrue();
    }

    private static void record(Transcript transcript, Direction direction, String line, boolean tls) {
        transcript.record(direction, (line + "\r\n").getBytes(StandardCharsets.US_ASCII), tls, Set.of(), null);
    }

    @Test
    void eventsMustComeInOrderFromOneTranscript() {
        Ladder ladder = new Ladder(MailProtocol.SMTP);
        ladder.accept(smtpTranscript.event(0));

        assertThatThrownBy(() -> ladder.accept(smtpTranscript.event(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ladder.accept(pop3Transcript.event(1))).isInstanceOf(IllegalArgumentException.class);
    }

    static String describe(LadderRow row) {
        return row.kind() + "|" + row.label() + "|" + row.detail() + "|" + row.lineClass() + "|" + row.firstSequence()
                + "-" + row.lastSequence() + "|" + row.answers() + "|" + row.answeredBy() + "|" + row.group() + "|"
                + row.isComplete();
    }

    private static List<String> labels(Ladder ladder, RowKind kind) {
        return ladder.rows().stream().filter(row -> row.kind() == kind).map(LadderRow::label).toList();
    }

    private static LadderRow replyTo(Ladder ladder, String commandLine) {
        Transcript transcript = ladder.protocol() == MailProtocol.SMTP ? smtpTranscript : pop3Transcript;
        LadderRow command = ladder.row(ladder.rowOf(sequenceOf(transcript, commandLine)));
        assertThat(command.answeredBy()).as("the reply to " + commandLine).isNotEqualTo(LadderRow.NONE);
        return ladder.row(command.answeredBy());
    }

    static long sequenceOf(Transcript transcript, String line) {
        return transcript.events().stream().filter(event -> event.line().equals(line)).findFirst().orElseThrow()
                .sequence();
    }
}
