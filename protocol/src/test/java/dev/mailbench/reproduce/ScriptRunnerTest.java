package dev.mailbench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.Personality;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.store.StoredMessage;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scripts run against the practice server, a refused port and a server that hangs up in the middle of a reply. */
class ScriptRunnerTest {

    static final String SEND_WITH_STARTTLS_AND_AUTH = """
            # a message to bob, with STARTTLS and AUTH PLAIN
            expect 220
            EHLO client.example.test
            expect 250
            STARTTLS
            expect 2.0.0
            EHLO client.example.test
            expect 2xx
            AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=
            expect 235
            MAIL FROM:<alice@example.test>
            expect 250
            RCPT TO:<bob@example.test>
            expect 250
            DATA
            expect 354
            Subject: scripted

            Hello from a script.
            .
            expect 250
            QUIT
            expect 221
            """;

    private static PracticeServer server;
    private final List<String> printed = Collections.synchronizedList(new ArrayList<>());
    private final ScriptRunner runner = new ScriptRunner(
            ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(10)), printed::add);

    @BeforeAll
    static void start() {
        server = SharedPracticeServer.get();
    }

    private static ServerAddress smtp(TlsMode tls) {
        return new ServerAddress("127.0.0.1", server.smtpPort(), MailProtocol.SMTP, tls);
    }

    @Test
    void aScriptWithStartTlsAuthAndDataDeliversAndEveryExpectHolds() throws Exception {
        RunResult result = runner.run(Script.parse("send.mbscript", SEND_WITH_STARTTLS_AND_AUTH), smtp(TlsMode.STARTTLS));

        assertThat(result.error()).isEmpty();
        assertThat(result.failures()).isEmpty();
        assertThat(result.exitCode()).isZero();
        List<String> texts = new ArrayList<>();
        for (StoredMessage message : server.store().listMessages("bob")) {
            try (InputStream in = message.open()) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(texts).anySatisfy(text -> assertThat(text).contains("Subject: scripted", "Hello from a script."));
        assertThat(printed).contains("C: EHLO client.example.test", "C: STARTTLS", "C: AUTH PLAIN ••••••");
        assertThat(printed).anySatisfy(line -> assertThat(line).startsWith("S: 220 ").contains(" ms]"));
        assertThat(result.events()).anySatisfy(event -> assertThat(event.tls()).isTrue());
    }

    @Test
    void toAServerGivenWithStartTlsAPasswordIsNeverSentBeforeTheUpgrade() throws Exception {
        String withoutUpgrade = SEND_WITH_STARTTLS_AND_AUTH
                .replace("STARTTLS\nexpect 2.0.0\nEHLO client.example.test\nexpect 2xx\n", "")
                .replace("# a message to bob, with STARTTLS and AUTH PLAIN\n", "");
        assertThat(withoutUpgrade).doesNotContain("STARTTLS").startsWith("expect 220\nEHLO");

        RunResult result = runner.run(Script.parse("send.mbscript", withoutUpgrade), smtp(TlsMode.STARTTLS));

        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
        assertThat(result.error()).hasValueSatisfying(error -> assertThat(error).isEqualTo("send.mbscript:4: not sent: AUTH before TLS,"
                + " to a server given as smtp+starttls://, would send the password in clear text; put STARTTLS (then EHLO"
                + " again) before it"));
        assertThat(printed).noneMatch(line -> line.startsWith("C: AUTH"));
        assertThat(result.events()).noneMatch(event -> event.line().startsWith("AUTH"));

        printed.clear();
        RunResult plain = runner.run(Script.parse("send.mbscript", withoutUpgrade), smtp(TlsMode.NONE));
        assertThat(plain.error()).as("asked for no TLS: sent, and the transcript marks it").isEmpty();
        assertThat(printed).contains("C: AUTH PLAIN ••••••");
    }

    @Test
    void aFailingExpectNamesItsLineAndTheRunGoesOn() throws Exception {
        String script = """
                expect 220
                EHLO client.example.test
                MAIL FROM:<alice@example.test>
                RCPT TO:<someone@elsewhere.example>
                expect 250
                QUIT
                expect 221
                """;
        RunResult result = runner.run(Script.parse("relay.mbscript", script), smtp(TlsMode.NONE));

        assertThat(result.exitCode()).isEqualTo(RunResult.EXPECTATION_FAILED);
        assertThat(result.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.lineNumber()).isEqualTo(5);
            assertThat(failure.message()).startsWith("relay.mbscript:5: expected 250, got 5");
        });
        assertThat(printed).anySatisfy(line -> assertThat(line).startsWith("!! relay.mbscript:5: expected 250"));
        assertThat(printed).contains("C: QUIT");
    }

    @Test
    void aRawLineSendsExactlyItsBytesAndTheNextExpectChecksItsReply() throws Exception {
        String script = """
                expect 220
                NOOP⟨CR⟩⟨LF⟩
                expect 250
                QUIT
                """;
        RunResult result = runner.run(Script.parse("raw.mbscript", script), smtp(TlsMode.NONE));

        assertThat(result.exitCode()).isZero();
        assertThat(result.exchanges()).extracting(RunResult.Exchange::command)
                .containsExactly("(connect)", "NOOP⟨CR⟩⟨LF⟩", "QUIT");
    }

    @Test
    void aPop3ScriptRetrievesWhatWasSent() throws Exception {
        String send = SEND_WITH_STARTTLS_AND_AUTH.replace("RCPT TO:<bob@example.test>", "RCPT TO:<alice@example.test>");
        runner.run(Script.parse("send.mbscript", send), smtp(TlsMode.STARTTLS)); // alice's mailbox is this test's alone
        String script = """
                expect +OK
                USER alice
                expect +OK
                PASS alice-pass
                expect +OK
                RETR 1
                expect +OK
                RETR 999
                expect -ERR
                QUIT
                expect +OK
                """;
        RunResult result = runner.run(Script.parse("read.mbscript", script),
                new ServerAddress("127.0.0.1", server.pop3Port(), MailProtocol.POP3, TlsMode.NONE));

        assertThat(result.exitCode()).isZero();
        assertThat(printed).contains("C: PASS ••••••", "S: Hello from a script.");
        RunResult.Exchange retr = result.exchanges().get(3);
        assertThat(retr.command()).isEqualTo("RETR 1");
        assertThat(retr.replies()).singleElement().satisfies(reply -> assertThat(reply.lines()).contains("Subject: scripted"));
    }

    @Test
    void aRefusedConnectionIsAnErrorInOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        RunResult result = runner.run(Script.parse("x.mbscript", "expect 220\n"),
                new ServerAddress("127.0.0.1", closedPort, MailProtocol.SMTP, TlsMode.NONE));

        assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
        assertThat(result.error()).hasValueSatisfying(error -> assertThat(error)
                .startsWith("Could not connect to 127.0.0.1:" + closedPort).doesNotContain("\n")
                .containsIgnoringCase("refused"));
    }

    @Test
    void aServerThatHangsUpInTheMiddleOfAReplyEndsTheRunWithAnError() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread fake = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    OutputStream out = socket.getOutputStream();
                    out.write("220 fake ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = socket.getInputStream();
                    while (in.read() != '\n') {
                        // the EHLO line
                    }
                    out.write("250-fake greets you\r\n250-PIPELINING\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the test reads what the client saw
                }
            });
            fake.start();
            RunResult result = runner.run(Script.parse("cut.mbscript", "expect 220\nEHLO me\nexpect 250\n"),
                    new ServerAddress("127.0.0.1", listener.getLocalPort(), MailProtocol.SMTP, TlsMode.NONE));
            fake.join();

            assertThat(result.exitCode()).isEqualTo(RunResult.ERROR);
            assertThat(result.error()).hasValueSatisfying(error -> assertThat(error)
                    .startsWith("cut.mbscript:2: the connection ended in the middle of a reply"));
            assertThat(printed).contains("S: 250-PIPELINING");
        }
    }

    @Test
    void twoPersonalitiesOfThePracticeServerDifferInTextAndTheDifferencesAreMarked() throws Exception {
        String script = """
                expect 220
                HELO client.example.test
                expect 250
                MAIL FROM:<alice@example.test>
                expect 250
                RCPT TO:<bob@example.test>
                expect 250
                NOOP
                QUIT
                """;
        RunResult postfix;
        RunResult exchange;
        try {
            server.switchPersonality("postfix-dovecot");
            postfix = runner.run(Script.parse("compare.mbscript", script), smtp(TlsMode.NONE));
            server.switchPersonality("exchange2003");
            exchange = runner.run(Script.parse("compare.mbscript", script), smtp(TlsMode.NONE));
        } finally {
            server.switchPersonality(Personality.DEFAULT_ID);
        }
        ReplyComparison comparison = ReplyComparison.of(List.of(postfix, exchange));
        String text = comparison.toText();

        assertThat(postfix.exitCode()).isZero();
        assertThat(exchange.exitCode()).isZero();
        assertThat(comparison.anyDifference()).isTrue();
        assertThat(comparison.rows()).extracting(ReplyComparison.Row::command)
                .containsExactly("(connect)", "HELO client.example.test", "MAIL FROM:<alice@example.test>",
                        "RCPT TO:<bob@example.test>", "NOOP", "QUIT");
        assertThat(comparison.rows().get(0).difference()).isEqualTo(ReplyComparison.Difference.TEXT);
        assertThat(text).contains("A = smtp://127.0.0.1:", "B = smtp://127.0.0.1:")
                .containsPattern("\\(connect\\) +220 .*Postfix.* ms +220 .*Microsoft.* ms +≠ text differs")
                .contains("replies differ.");
        assertThat(comparison.toHtml("compare.mbscript")).startsWith("<!DOCTYPE html>")
                .contains("<tr class=\"differs\">", "text differs", "RCPT TO:&lt;bob@example.test&gt;");
    }
}
