package dev.mailbench.reproduce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.store.StoredMessage;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The swaks, curl and openssl exports of live sessions, run with the real tools against the practice server: each
 * delivers the same message to the Maildir, or retrieves it. {@code .ci/run} installs the tools where they lack.
 */
class ReproductionsToolTest {

    private static final String MESSAGE = """
            From: Alice <alice@example.test>
            To: Bob <bob@example.test>
            Subject: reproduced

            First line.
            .a line that starts with a dot
            Last line.
            """;

    private static PracticeServer server;
    private static RunResult sent;
    private final ScriptRunner runner = new ScriptRunner(
            ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(10)), line -> { });

    @BeforeAll
    static void recordASessionWithStartTlsAndAuth() throws Exception {
        server = SharedPracticeServer.get();
        StringBuilder script = new StringBuilder("""
                EHLO client.example.test
                STARTTLS
                EHLO client.example.test
                AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=
                MAIL FROM:<alice@example.test>
                RCPT TO:<bob@example.test>
                DATA
                """);
        for (String line : MESSAGE.split("\n")) {
            script.append(line.startsWith(".") ? "." + line : line).append('\n'); // typed dot-stuffed, as on the wire
        }
        script.append(".\nexpect 250\nQUIT\n");
        sent = new ScriptRunner(ClientOptions.defaults(new ClientTlsLayer()), line -> { })
                .run(Script.parse("send.mbscript", script.toString()),
                        new ServerAddress("127.0.0.1", server.smtpPort(), MailProtocol.SMTP, TlsMode.STARTTLS));
        assertThat(sent.exitCode()).isZero();
    }

    @Test
    void swaksDeliversTheSameMessage() throws Exception {
        String command = Reproductions.render(ReproductionFormat.SWAKS, sent.events(), sent.address());
        assertThat(command).contains("swaks --server 127.0.0.1 --port " + server.smtpPort(), "--tls",
                "--auth PLAIN --auth-user alice --auth-password alice-pass");

        assertDelivers(command);
    }

    @Test
    void curlDeliversTheSameMessage() throws Exception {
        String command = Reproductions.render(ReproductionFormat.CURL, sent.events(), sent.address());
        assertThat(command).contains("smtp://127.0.0.1:" + server.smtpPort() + "/client.example.test", "--ssl-reqd",
                "--mail-from alice@example.test", "--mail-rcpt bob@example.test", "--upload-file -");

        assertDelivers(command);
    }

    @Test
    void opensslWithThePastedLinesDeliversTheSameMessage() throws Exception {
        String command = Reproductions.render(ReproductionFormat.OPENSSL, sent.events(), sent.address());
        assertThat(command).contains("openssl s_client -starttls smtp -name client.example.test -connect 127.0.0.1:"
                + server.smtpPort(), "\nMAIL FROM:<alice@example.test>\n", "\n..a line that starts with a dot\n");

        assertDelivers(command);
    }

    @Test
    void curlAndOpensslRetrieveTheMessageTheSessionRetrieved() throws Exception {
        RunResult read = runner.run(Script.parse("read.mbscript", "USER bob\nPASS bob-pass\nRETR 1\nQUIT\n"),
                new ServerAddress("127.0.0.1", server.pop3Port(), MailProtocol.POP3, TlsMode.NONE));
        assertThat(read.exitCode()).isZero();
        List<String> retr = read.exchanges().get(3).replies().get(0).lines();
        // the text between the status line and the final dot, as sent (dot-stuffed)
        String retrieved = String.join("\n", retr.subList(1, retr.size() - 1)) + "\n";
        assertThat(retrieved).contains("Subject: ");

        String curl = Reproductions.render(ReproductionFormat.CURL, read.events(), read.address());
        assertThat(curl).contains("pop3://127.0.0.1:" + server.pop3Port() + "/1", "--user bob:bob-pass");
        assertThat(normalized(run(curl))).isEqualTo(retrieved.replace("\n..", "\n."));

        String openssl = Reproductions.render(ReproductionFormat.OPENSSL, read.events(), read.address());
        assertThat(openssl).contains("-starttls pop3", "\nUSER bob\nPASS bob-pass\nRETR 1\nQUIT\n");
        assertThat(normalized(run(openssl))).contains(retrieved);
    }

    private void assertDelivers(String command) throws Exception {
        List<String> before = names(server.store().listMessages("bob"));
        run(command);
        List<StoredMessage> after = new ArrayList<>(server.store().listMessages("bob"));
        after.removeIf(message -> before.contains(message.toString()));
        assertThat(after).hasSize(1);
        try (InputStream in = after.get(0).open()) {
            String stored = normalized(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(stored).endsWith(normalized(MESSAGE));
        }
    }

    private static List<String> names(List<StoredMessage> messages) {
        return messages.stream().map(Object::toString).toList();
    }

    private static String normalized(String text) {
        return text.replace("\r\n", "\n");
    }

    /** Runs exported text as a shell script; it must succeed. */
    private static String run(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(script + "\n---\n" + text).isZero();
        return text;
    }
}
