package dev.mailbench.server.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.explain.EventText;
import dev.mailbench.server.ConnectionObserver;
import dev.mailbench.server.EndedConnection;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The practice server keeps each connection's transcript in its data directory: sessions typed on
 * raw sockets as telnet or nc would, a server on port 0 with a temporary data directory, the files read back.
 */
class TranscriptArchiveTest {
    /** {@code \0bob\0bob-pass} in base64 (RFC 4616), as a student types it. */
    private static final String PLAIN_BOB = "AGJvYgBib2ItcGFzcw==";

    @TempDir
    Path data;

    private PracticeServer server;
    private final BlockingQueue<EndedConnection> ended = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(TranscriptRetention retention) throws Exception {
        server = PracticeServer.start(DataDirectory.at(data).loadOrCreateConfig().withPorts(0, 0)
                .withTranscripts(retention));
        server.addObserver(new ConnectionObserver() {
            @Override
            public void opened(MailProtocol protocol, String remote, Transcript transcript) {
            }

            @Override
            public void ended(EndedConnection connection) {
                ended.add(connection);
            }
        });
    }

    /** Waits until the server has ended the connection and its file has been written. */
    private void awaitWritten() throws Exception {
        assertThat(ended.poll(20, TimeUnit.SECONDS)).as("a connection ended").isNotNull();
        server.transcripts().flush();
    }

    private int smtpSession() throws Exception {
        try (RawClient smtp = new RawClient(server.smtpPort())) {
            smtp.smtpReply();
            smtp.smtp("EHLO student.example.test");
            assertThat(smtp.smtp("AUTH PLAIN " + PLAIN_BOB)).startsWith("235 ");
            smtp.smtp("MAIL FROM:<bob@example.test>");
            smtp.smtp("RCPT TO:<alice@example.test>");
            smtp.smtp("DATA");
            smtp.send("Subject: hello").send("").send("hi alice");
            assertThat(smtp.smtp(".")).startsWith("250 ");
            smtp.smtp("QUIT");
            smtp.untilClosed();
            return smtp.localPort();
        } finally {
            awaitWritten();
        }
    }

    private int pop3Session() throws Exception {
        try (RawClient pop3 = new RawClient(server.pop3Port())) {
            pop3.line();
            pop3.pop3("USER alice");
            assertThat(pop3.pop3("PASS alice-pass")).startsWith("+OK");
            pop3.pop3("QUIT");
            pop3.untilClosed();
            return pop3.localPort();
        } finally {
            awaitWritten();
        }
    }

    @Test
    void smtpAndPop3SessionsAreKeptWithExactOctetsWhoTheClientWasAndNoPassword() throws Exception {
        start(TranscriptRetention.DEFAULTS);

        smtpSession();
        pop3Session();

        List<SavedTranscript> saved = TranscriptArchive.readAll(DataDirectory.at(data));
        assertThat(saved).extracting(SavedTranscript::protocol).containsExactly(MailProtocol.SMTP, MailProtocol.POP3);
        assertThat(saved).allSatisfy(file -> assertThat(file.problem()).isEmpty());

        SavedTranscript smtp = saved.get(0);
        assertThat(smtp.users()).containsExactly("bob");
        assertThat(smtp.senders()).containsExactly("bob@example.test");
        assertThat(smtp.isBy("bob")).isTrue();
        assertThat(smtp.isBy("alice")).isFalse();
        assertThat(smtp.remote()).startsWith("127.0.0.1:");
        List<TranscriptEvent> events = smtp.events();
        assertThat(events).filteredOn(e -> e.direction() == Direction.SERVER).first()
                .satisfies(greeting -> assertThat(greeting.line()).startsWith("220 "));
        assertThat(events).filteredOn(e -> e.direction() == Direction.CLIENT).extracting(TranscriptEvent::text)
                .contains("MAIL FROM:<bob@example.test>\r\n", "hi alice\r\n", ".\r\n", "QUIT\r\n")
                .contains(EventText.mask("AUTH PLAIN " + PLAIN_BOB) + "\r\n");
        TranscriptEvent auth = events.stream().filter(e -> e.line().startsWith("AUTH ")).findFirst().orElseThrow();
        assertThat(EventText.isSecret(auth)).isTrue();
        assertThat(events).allSatisfy(e -> assertThat(e.time()).isAfterOrEqualTo(smtp.started()));
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
        }

        SavedTranscript pop3 = saved.get(1);
        assertThat(pop3.users()).containsExactly("alice");
        assertThat(pop3.senders()).isEmpty();
        assertThat(pop3.isBy("alice")).isTrue();
        assertThat(pop3.events()).filteredOn(e -> e.direction() == Direction.CLIENT).extracting(TranscriptEvent::line)
                .containsExactly("USER alice", EventText.mask("PASS alice-pass"), "QUIT");

        for (Path file : TranscriptArchive.files(data.resolve("transcripts"))) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("bob-pass", "alice-pass", PLAIN_BOB, "YWxpY2UtcGFzcw");
        }
    }

    @Test
    void beyondTheCountTheOldestAreDropped() throws Exception {
        start(new TranscriptRetention(2, TranscriptRetention.DEFAULTS.maxBytes()));

        int first = pop3Session();
        int second = smtpSession();
        int third = pop3Session();

        List<SavedTranscript> saved = TranscriptArchive.readAll(DataDirectory.at(data));
        assertThat(saved).extracting(SavedTranscript::remote)
                .containsExactly("127.0.0.1:" + second, "127.0.0.1:" + third)
                .doesNotContain("127.0.0.1:" + first);
    }

    @Test
    void beyondTheByteBudgetTheOldestAreDroppedAndTheNewestStays() throws Exception {
        start(new TranscriptRetention(100, 1));

        pop3Session();
        int newest = pop3Session();

        assertThat(TranscriptArchive.readAll(DataDirectory.at(data))).extracting(SavedTranscript::remote)
                .containsExactly("127.0.0.1:" + newest);
    }

    @Test
    void noneAreKeptWhenSwitchedOff() throws Exception {
        start(new TranscriptRetention(0, TranscriptRetention.DEFAULTS.maxBytes()));

        pop3Session();

        assertThat(TranscriptArchive.files(data.resolve("transcripts"))).isEmpty();
    }

    @Test
    void aFileCutShortByACrashIsReadUpToItsLastWholeLineWithTheProblemNamed() throws Exception {
        start(TranscriptRetention.DEFAULTS);
        pop3Session();
        Path file = TranscriptArchive.files(data.resolve("transcripts")).get(0);
        int whole = TranscriptFile.read(file).events().size();
        byte[] bytes = Files.readAllBytes(file);
        // the server stopped in the middle of the last event's line
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 20));

        SavedTranscript cut = TranscriptFile.read(file);

        assertThat(cut.problem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("is cut short: the server stopped while writing it"));
        assertThat(cut.events()).hasSize(whole - 1);
        assertThat(cut.protocol()).isEqualTo(MailProtocol.POP3);
        assertThat(cut.users()).containsExactly("alice");
    }

    @Test
    void aLineThatIsNoEventIsNamedAndTheEventsBeforeItKept() throws Exception {
        Path file = data.resolve("broken" + TranscriptFile.SUFFIX);
        Files.writeString(file, """
                {"format":"mailbench-server-transcript","version":1,"protocol":"SMTP","remote":"127.0.0.1:1","started":"2026-12-07T03:00:00Z","users":[],"senders":[]}
                {"dir":"server","time":"2026-12-07T03:00:00.001Z","tls":false,"octets":"MjIwIGhpDQo="}
                not json
                {"dir":"client","time":"2026-12-07T03:00:01Z","tls":false,"octets":"UVVJVA0K"}
                """, StandardCharsets.UTF_8);

        SavedTranscript read = TranscriptFile.read(file);

        assertThat(read.problem()).contains("line 3 is not a transcript event; the 1 events before it are read");
        assertThat(read.events()).extracting(TranscriptEvent::text).containsExactly("220 hi\r\n");
    }
}
