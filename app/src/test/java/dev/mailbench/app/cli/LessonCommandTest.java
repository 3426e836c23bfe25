package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.app.config.ConfigDirectory;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.smtp.RelayPolicy;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mailbench lesson}: list, validate, and check a lesson from a practice server's data directory after a
 * student talked to the server over a raw socket, as telnet would.
 */
class LessonCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new LessonCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void listPrintsEveryLessonsIdAndTitle() {
        assertThat(run("list")).isZero();
        assertThat(out.toString()).contains("first-smtp", "Your first message, sent by hand", "pop3-read", "relay",
                "starttls").doesNotContain("broken");
    }

    @Test
    void listAndCheckIncludeATeachersOwnLessonsFromTheConfigurationFolder() throws Exception {
        Path config = temp.resolve("config");
        Path lessons = Files.createDirectories(config.resolve("lessons"));
        String own = "# Say hello\n```lesson\nid: say-hello\nlevel: beginner\nprotocols: SMTP\nminutes: 5\n"
                + "walkthrough: 000\n```\n## Hello\nSay HELO.\n```check\nreply: HELO 250\n```\nA hint.\n";
        Files.writeString(lessons.resolve("say-hello.md"), own);
        Files.writeString(lessons.resolve("typo.md"), own.replace("say-hello", "typo").replace("HELO 250", "HELO 2500"));
        String before = System.getProperty(ConfigDirectory.OVERRIDE);
        System.setProperty(ConfigDirectory.OVERRIDE, config.toString());
        try {
            assertThat(run("list")).isZero();
            assertThat(out.toString()).contains("first-smtp", "starttls").containsPattern("say-hello +Say hello")
                    .contains("(broken: typo.md:12: bad reply code \"2500\"");

            err.getBuffer().setLength(0);
            assertThat(run("check", "typo", "--data-dir", temp.toString())).isEqualTo(2);
            assertThat(err.toString()).startsWith("mailbench lesson check: the lesson typo is broken: typo.md:12: bad reply");

            out.getBuffer().setLength(0);
            Files.writeString(lessons.resolve("relay.md"), own.replace("say-hello", "relay"));
            assertThat(run("validate", lessons.resolve("relay.md").toString())).as("as the list will show it").isEqualTo(1);
            assertThat(out.toString()).startsWith("relay.md: the id relay is taken by a lesson Mailbench ships");
            Files.delete(lessons.resolve("relay.md"));

            out.getBuffer().setLength(0);
            Path complete = temp.resolve("complete");
            talk(complete, true);
            assertThat(run("check", "say-hello", "--data-dir", complete.toString())).as(out.toString()).isZero();
            assertThat(out.toString()).contains("[done] 1. Hello", "Complete.");
        } finally {
            if (before == null) {
                System.clearProperty(ConfigDirectory.OVERRIDE);
            } else {
                System.setProperty(ConfigDirectory.OVERRIDE, before);
            }
        }
    }

    @Test
    void validateNamesFileAndLineOfEachProblem() throws Exception {
        Path file = temp.resolve("mine.md");
        Files.writeString(file, "# Mine\n```lesson\nid: mine\nlevel: beginner\nprotocols: SMTP\nminutes: 5\n"
                + "walkthrough: 000\n```\n## Hello\nSay HELO.\n```check\nsent: HELLO\n```\n");

        assertThat(run("validate", file.toString())).isEqualTo(1);
        assertThat(out.toString()).startsWith("mine.md:12: unknown verb \"HELLO\"");

        Files.writeString(file, Files.readString(file).replace("HELLO", "HELO"));
        assertThat(run("validate", file.toString())).isZero();
        assertThat(out.toString()).endsWith("mine.md: valid, 1 steps\n");
    }

    @Test
    void checkIsCompleteAfterTheWholeDialogueAndSaysTheHintWithoutData() throws Exception {
        Path complete = temp.resolve("complete");
        talk(complete, true);
        assertThat(run("check", "first-smtp", "--data-dir", complete.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("[done] 1. Connect and say hello", "[done] 5. Read it over POP3",
                "Complete.");

        out.getBuffer().setLength(0);
        Path withoutData = temp.resolve("without-data");
        talk(withoutData, false);
        assertThat(run("check", "first-smtp", "--data-dir", withoutData.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("[done] 2. Give the envelope", "[    ] 3. Type the message",
                "[done] 4. Say goodbye", "Hint: The empty line separates the header (\"Subject: …\") from the body.");

        err.getBuffer().setLength(0);
        assertThat(run("check", "first-smtp", "--data-dir", complete.toString(), "--student", "carol"))
                .as("a name the server has no account for is a typo, not a student who did nothing").isEqualTo(2);
        assertThat(err.toString()).contains("no account carol on this server (its accounts: alice, bob)");
        assertThat(run("check", "first-smtp", "--data-dir", temp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is not a practice server's data directory");
        out.getBuffer().setLength(0);
        assertThat(run("check", "first-smtp", "--data-dir", complete.toString(), "--student", "bob")).isEqualTo(1);
        assertThat(out.toString()).as("bob sent the mail; alice read it").contains("[done] 3. Type the message",
                "[    ] 5. Read it over POP3");
    }

    @Test
    void anUnknownLessonOrAMissingDataDirectoryIsAUsageError() {
        assertThat(run("check", "no-such-lesson", "--data-dir", temp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no lesson no-such-lesson");
        assertThat(run("check", "first-smtp", "--data-dir", temp.resolve("missing").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no data directory");
    }

    /**
     * The first-smtp dialogue over raw sockets, with or without DATA; the server's own transcripts of the
     * connections are kept in the data directory by the practice server itself when they end.
     */
    private void talk(Path dataDir, boolean withData) throws Exception {
        try (PracticeServer server = PracticeServer.start(DataDirectory.at(dataDir).loadOrCreateConfig()
                .withPorts(0, 0).withRelay(RelayPolicy.DEFAULTS.withSmtpAfterPop(false)))) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.smtpPort())) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream o = socket.getOutputStream();
                assertThat(in.readLine()).startsWith("220");
                assertThat(say(o, in, "HELO client.example.test")).startsWith("250");
                assertThat(say(o, in, "MAIL FROM:<bob@example.test>")).startsWith("250");
                assertThat(say(o, in, "RCPT TO:<alice@example.test>")).startsWith("250");
                if (withData) {
                    assertThat(say(o, in, "DATA")).startsWith("354");
                    o.write("Subject: Hello from telnet\r\n\r\nThis is the message.\r\n".getBytes(StandardCharsets.US_ASCII));
                    assertThat(say(o, in, ".")).startsWith("250");
                }
                assertThat(say(o, in, "QUIT")).startsWith("221");
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.pop3Port())) {
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream o = socket.getOutputStream();
                assertThat(in.readLine()).startsWith("+OK");
                assertThat(say(o, in, "USER alice")).startsWith("+OK");
                assertThat(say(o, in, "PASS alice-pass")).startsWith("+OK");
                if (withData) {
                    assertThat(say(o, in, "RETR 1")).startsWith("+OK");
                    String line;
                    do {
                        line = in.readLine();
                    } while (!line.equals("."));
                }
                assertThat(say(o, in, "QUIT")).startsWith("+OK");
            }
        }
    }

    private static String say(OutputStream out, BufferedReader in, String line) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String reply;
        do {
            reply = in.readLine();
        } while (reply.length() > 3 && reply.charAt(3) == '-');
        return reply;
    }
}
