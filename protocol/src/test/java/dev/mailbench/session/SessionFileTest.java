package dev.mailbench.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session files written and read back: live sessions against the practice server, and broken files. */
class SessionFileTest {

    private static final String PASSWORD = "bob-pass";
    private static final String MESSAGE = "Subject: kept\r\n\r\nline one\r\n.dotted\r\n";

    @TempDir
    static Path temp;

    private static PracticeServer server;
    private static SessionConnection smtp;
    private static SessionConnection pop3;

    @BeforeAll
    static void recordTwoLiveSessions() throws Exception {
        server = PracticeServer.start(DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0));
        Transcript smtpTranscript = new Transcript();
        try (SmtpClientSession client = new SmtpClientSession(smtpTranscript, ClientOptions.defaults(new ClientTlsLayer()))) {
            client.connect("127.0.0.1", server.smtpPort(), TlsMode.STARTTLS);
            client.ehlo("client.example.test");
            client.startTls();
            client.ehlo("client.example.test");
            assertThat(client.authPlain("bob", PASSWORD).code()).isEqualTo(235);
            client.mailFrom("bob@example.test");
            client.rcptTo("alice@example.test");
            assertThat(client.data(MESSAGE.getBytes(StandardCharsets.US_ASCII)).code()).isEqualTo(250);
            client.quit();
        }
        smtp = new SessionConnection(new SessionSettings(MailProtocol.SMTP, "127.0.0.1", server.smtpPort(),
                TlsMode.STARTTLS, Optional.empty()), smtpTranscript);
        Transcript popTranscript = new Transcript();
        try (Pop3ClientSession client = new Pop3ClientSession(popTranscript, ClientOptions.defaults(new ClientTlsLayer()))) {
            client.connect("127.0.0.1", server.pop3Port(), TlsMode.NONE);
            client.user("alice");
            assertThat(client.pass("alice-pass").isOk()).isTrue();
            assertThat(client.retr(1).isOk()).isTrue();
            client.quit();
        }
        pop3 = new SessionConnection(new SessionSettings(MailProtocol.POP3, "127.0.0.1", server.pop3Port(),
                TlsMode.NONE, Optional.empty()), popTranscript);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String write(SessionRecord session, boolean keepPasswords) throws IOException {
        StringWriter out = new StringWriter();
        SessionFile.write(session, out, keepPasswords);
        return out.toString();
    }

    private static SessionRecord read(String text) throws IOException {
        return SessionFile.read(new StringReader(text));
    }

    @Test
    void anSmtpSessionWithStartTlsAndAuthComesBackEventForEventWithThePasswordMasked() throws IOException {
        String file = write(SessionRecord.of(smtp, "test"), false);
        SessionRecord back = read(file);

        assertThat(back.problems()).isEmpty();
        assertThat(back.settings()).isEqualTo(new SessionSettings(MailProtocol.SMTP, "127.0.0.1", server.smtpPort(),
                TlsMode.STARTTLS, Optional.of("bob")));
        assertThat(back.passwordsKept()).isFalse();
        List<TranscriptEvent> live = smtp.events();
        List<TranscriptEvent> read = back.events();
        assertThat(read).hasSameSizeAs(live);
        for (int i = 0; i < live.size(); i++) {
            TranscriptEvent was = live.get(i);
            TranscriptEvent is = read.get(i);
            assertThat(is.direction()).as("event %d", i).isEqualTo(was.direction());
            assertThat(is.time()).isEqualTo(was.time());
            assertThat(is.sinceCommand()).isEqualTo(was.sinceCommand());
            assertThat(is.tls()).isEqualTo(was.tls());
            assertThat(is.issues()).isEqualTo(was.issues());
            if (was.line().startsWith("AUTH PLAIN ")) {
                assertThat(is.text()).isEqualTo("AUTH PLAIN ••••••\r\n");
                assertThat(is.annotation().secret()).isTrue();
                assertThat(is.tls()).isTrue();
            } else {
                assertThat(is.bytes()).as("event %d", i).isEqualTo(was.bytes());
            }
        }
        assertThat(read).anyMatch(event -> event.tls() && event.direction() == Direction.SERVER);
        String secret = Base64.getEncoder().encodeToString(("\0bob\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(file).doesNotContain(PASSWORD).doesNotContain(secret).contains("\"masked\":true");
    }

    @Test
    void aPop3RetrComesBackWithItsMessageAndPassMasked() throws IOException {
        SessionRecord back = read(write(SessionRecord.of(pop3, "test"), false));

        assertThat(back.problems()).isEmpty();
        assertThat(back.settings().user()).contains("alice");
        List<String> lines = back.events().stream().map(TranscriptEvent::line).toList();
        assertThat(lines).contains("PASS ••••••", "RETR 1", "line one", "..dotted", ".")
                .doesNotContain("PASS alice-pass");
        assertThat(back.events().stream().map(TranscriptEvent::line).toList())
                .hasSameSizeAs(pop3.events());
    }

    @Test
    void passwordsAreWrittenOnlyWhenAskedForAndThenComeBackExactly() throws IOException {
        String file = write(SessionRecord.of(List.of(smtp, pop3), "test"), true);
        SessionRecord back = read(file);

        assertThat(back.passwordsKept()).isTrue();
        assertThat(back.connections()).hasSize(2);
        assertThat(back.connections().get(1).settings().protocol()).isEqualTo(MailProtocol.POP3);
        assertThat(file).contains("PASS alice-pass");
        List<TranscriptEvent> live = pop3.events();
        List<TranscriptEvent> read = back.connections().get(1).events();
        for (int i = 0; i < live.size(); i++) {
            assertThat(read.get(i).bytes()).isEqualTo(live.get(i).bytes());
            assertThat(read.get(i).annotation()).isEqualTo(live.get(i).annotation());
        }
    }

    @Test
    void anAuthLoginTypedByHandHasItsPasswordMaskedFromTheDialogueAlone() throws IOException {
        Transcript transcript = new Transcript();
        for (String line : List.of("S220 mail ESMTP", "CEHLO me", "S250 AUTH LOGIN", "CAUTH LOGIN",
                "S334 VXNlcm5hbWU6", "C" + b64("bob"), "S334 UGFzc3dvcmQ6", "C" + b64("hunter2"), "S235 2.7.0 ok",
                "CAUTH LOGIN", "S334 VXNlcm5hbWU6", "C*", "S501 cancelled")) {
            transcript.record(line.charAt(0) == 'C' ? Direction.CLIENT : Direction.SERVER,
                    (line.substring(1) + "\r\n").getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
        }
        SessionConnection connection = new SessionConnection(new SessionSettings(MailProtocol.SMTP, "mail.example",
                25, TlsMode.NONE, Optional.empty()), transcript);

        String file = write(SessionRecord.of(connection, "test"), false);
        List<String> lines = read(file).events().stream().map(TranscriptEvent::line).toList();

        // the user name stays, as the window shows it (SaslText): only the password is masked
        assertThat(file).doesNotContain(b64("hunter2"));
        assertThat(lines).containsSubsequence("AUTH LOGIN", "334 VXNlcm5hbWU6", b64("bob"), "334 UGFzc3dvcmQ6", "••••••",
                "235 2.7.0 ok");
        assertThat(lines).contains("*");
        assertThat(read(file).settings().user()).contains("bob");
    }

    @Test
    void octetsThatAreNotTextTravelAsBase64AndComeBackExactly() throws IOException {
        Transcript transcript = new Transcript();
        byte[] odd = {'2', '5', '0', ' ', (byte) 0xC3, '(', 0, '\n'};
        transcript.record(Direction.SERVER, odd, false, Set.of(LineIssue.BARE_LF, LineIssue.NUL, LineIssue.INVALID_UTF8),
                Annotation.of("odd"));
        transcript.record(Direction.CLIENT, "NOOP\tÜ\r\n".getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
        SessionConnection connection = new SessionConnection(new SessionSettings(MailProtocol.SMTP, "h", 25,
                TlsMode.NONE, Optional.empty()), transcript);

        String file = write(SessionRecord.of(connection, "test"), false);
        List<TranscriptEvent> back = read(file).events();

        assertThat(file).contains("\"base64\":\"" + Base64.getEncoder().encodeToString(odd) + "\"")
                .contains("\"text\":\"NOOP\\tÜ\\r\\n\"");
        assertThat(back.get(0).bytes()).isEqualTo(odd);
        assertThat(back.get(0).issues()).containsExactlyInAnyOrder(LineIssue.BARE_LF, LineIssue.NUL, LineIssue.INVALID_UTF8);
        assertThat(back.get(0).annotation().decoded()).isEqualTo("odd");
        assertThat(back.get(1).text()).isEqualTo("NOOP\tÜ\r\n");
    }

    @Test
    void aFileCutShortGivesTheEventsBeforeTheCutAndSaysWhere() throws IOException {
        String file = write(SessionRecord.of(smtp, "test"), false);
        String[] lines = file.split("\n");
        int cutLine = 8 + 9; // lines[8] holds the first event: the ninth is cut in its middle
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < cutLine; i++) {
            cut.append(lines[i]).append('\n');
        }
        cut.append(lines[cutLine], 0, lines[cutLine].length() / 2);

        SessionRecord back = read(cut.toString());

        assertThat(back.events()).hasSize(8);
        assertThat(back.settings().host()).isEqualTo("127.0.0.1");
        assertThat(back.problems()).hasSize(1);
        assertThat(back.problems().get(0).line()).isEqualTo(cutLine + 1);
        assertThat(back.problems().get(0).toString()).startsWith("line " + (cutLine + 1) + ", column ")
                .contains("ends too soon");
    }

    @Test
    void aBrokenEventIsLeftOutAndTheRestIsRead() throws IOException {
        String file = write(SessionRecord.of(smtp, "test"), false);
        String broken = file.replaceFirst("\"dir\":\"server\"", "\"dir\":\"nobody\"");

        SessionRecord back = read(broken);

        assertThat(back.events()).hasSize(smtp.events().size() - 1);
        assertThat(back.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isGreaterThan(6);
            assertThat(problem.message()).contains("has no \"dir\"").contains("left out");
        });
    }

    @Test
    void aFileOfANewerVersionSaysSoAndShowsWhatItKnows() throws IOException {
        String file = write(SessionRecord.of(pop3, "test"), false)
                .replace("\"version\": 1,", "\"version\": 2,\n  \"ladder\": {\"zoom\": [1, 2]},");

        SessionRecord back = read(file);

        assertThat(back.newerVersion()).isTrue();
        assertThat(back.events()).hasSameSizeAs(pop3.events());
        assertThat(back.problems()).singleElement().satisfies(problem ->
                assertThat(problem.toString()).startsWith("line 3, column 14: ").contains("newer Mailbench"));
    }

    @Test
    void somethingElseIsNotASessionFile() throws IOException {
        assertThat(read("{\"format\": \"mailbench-server-transcript\", \"version\": 1}").problems())
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("not a Mailbench session"));
        assertThat(read("[1, 2]").problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("not a Mailbench session"));
        SessionRecord empty = read("");
        assertThat(empty.connections()).isEmpty();
        assertThat(empty.problems()).isNotEmpty();
    }

    @Test
    void aFileWithOctetsThatAreNotUtf8IsReadAroundThem() throws IOException {
        String text = write(SessionRecord.of(pop3, "test"), false).replace("\"mailbench\": \"test\"", "\"mailbench\": \"t\u00e9st\"");
        byte[] octets = text.getBytes(StandardCharsets.UTF_8);
        int accent = text.indexOf("t\u00e9st") + 1;
        octets[accent] = (byte) 0xFF; // the first octet of é damaged
        Path file = temp.resolve("damaged" + SessionFile.SUFFIX);
        Files.write(file, octets);

        SessionRecord back = SessionFile.read(file);

        assertThat(back.events()).hasSameSizeAs(pop3.events());
        assertThat(back.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("not UTF-8"));
    }

    @Test
    void aSessionSavedToAFileIsReadFromIt() throws IOException {
        Path file = temp.resolve("saved" + SessionFile.SUFFIX);
        SessionFile.write(SessionRecord.of(pop3, "test"), file, false);

        assertThat(SessionFile.isSessionFile(file)).isTrue();
        assertThat(SessionFile.read(file).events()).hasSameSizeAs(pop3.events());
        assertThat(Files.list(temp)).noneMatch(path -> path.getFileName().toString().endsWith(".part"));
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
