package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mailbench.diagnose.ReportLine;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.wire.MailProtocol;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mailbench diagnose} against a small SMTP server without STARTTLS that relays for anyone. */
class DiagnoseCommandTest {

    private static ServerSocket listener;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    Thread connection = new Thread(() -> converse(socket));
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void converse(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write("220 smtp.example.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String reply = line.startsWith("EHLO") ? "250-smtp.example.test\r\n250 AUTH PLAIN\r\n"
                        : line.startsWith("QUIT") ? "221 Bye\r\n" : "250 OK\r\n";
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                if (line.startsWith("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    @AfterAll
    static void stop() throws IOException {
        listener.close();
    }

    private static String target() {
        return "smtp://127.0.0.1:" + listener.getLocalPort();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(Map<String, String> environment, String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new DiagnoseCommand(environment, Optional.empty()))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(arguments);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aFailedCheckExitsWithOneAndTheTextShowsItsEvidence() {
        Run run = run(Map.of(), target(), "--timeout", "20");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("Diagnosis of " + target())
                .containsPattern("FAIL  starttls\\.offered +STARTTLS is not offered")
                .containsPattern("FAIL  relay\\.open +Open relay")
                .contains("C: RCPT TO:<mailbench@relay-test.invalid>")
                .doesNotContain("\u001b[");
    }

    @Test
    void jsonHasTheSchemaAndThePasswordFromTheEnvironmentNeverAppears() throws Exception {
        Run run = run(Map.of("MAILBENCH_PASSWORD", "s3cret-pass"), target(), "--json", "--user", "alice");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).doesNotContain("s3cret-pass");
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("target").asText()).isEqualTo(target() );
        assertThat(root.get("started").asText()).isNotBlank();
        JsonNode relay = root.get("checks").findParents("id").stream()
                .filter(check -> check.get("id").asText().equals("relay.open")).findFirst().orElseThrow();
        assertThat(relay.fieldNames()).toIterable().containsExactly("id", "verdict", "summary", "explanation", "rule",
                "evidence", "figures");
        assertThat(relay.get("verdict").asText()).isEqualTo("fail");
        int line = relay.get("evidence").get(0).asInt();
        assertThat(root.get("transcript").get(line - 1).get("line").asInt()).isEqualTo(line);
        JsonNode login = root.get("checks").findParents("id").stream()
                .filter(check -> check.get("id").asText().equals("auth.login")).findFirst().orElseThrow();
        assertThat(login.get("verdict").asText()).as("no password over a connection without TLS").isEqualTo("skip");
    }

    @Test
    void htmlGoesToTheFileNamed() throws Exception {
        Path file = dir.resolve("report.html");

        Run run = run(Map.of(), target(), "--html", file.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains("Report written to " + file);
        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("<h3>Failed</h3>", "relay.open");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run(Map.of(), "imap://mail.example.test").code()).isEqualTo(2);
        Run noScheme = run(Map.of(), "127.0.0.1:2525");
        assertThat(noScheme.code()).as("not looked up as a domain").isEqualTo(2);
        assertThat(noScheme.err()).contains("write the server as smtp://127.0.0.1:2525");
        Run badPort = run(Map.of(), "smtp://127.0.0.1:99999");
        assertThat(badPort.code()).as("never a report of nothing but skips").isEqualTo(2);
        assertThat(badPort.err()).contains("port 99999 in smtp://127.0.0.1:99999 is not a TCP port");
        Run noPassword = run(Map.of(), target(), "--user", "alice");
        assertThat(noPassword.code()).isEqualTo(2);
        assertThat(noPassword.err()).contains("MAILBENCH_PASSWORD");
        assertThat(run(Map.of()).code()).as("no target").isEqualTo(2);
        assertThat(run(Map.of(), target(), "--json", "--html", "x.html").code()).as("two formats").isEqualTo(2);
    }

    @Test
    void saveWritesOneConnectionPerServerWithTheReportsLinesAndNoPassword() throws Exception {
        Path file = dir.resolve("diagnosis.mbsession");
        try (PracticeServer server = PracticeServer.start(
                DataDirectory.at(dir.resolve("data")).loadOrCreateConfig().withPorts(0, 0))) {
            String smtp = "smtp://127.0.0.1:" + server.smtpPort();
            String pop3 = "pop3://127.0.0.1:" + server.pop3Port();

            Run run = run(Map.of("MAILBENCH_PASSWORD", "alice-pass"), smtp, pop3, "--json", "--user", "alice",
                    "--timeout", "20", "--save", file.toString());

            JsonNode reports = new ObjectMapper().readTree(run.out());
            assertThat(reports.isArray()).isTrue();
            for (JsonNode report : reports) {
                JsonNode login = report.get("checks").findParents("id").stream()
                        .filter(check -> check.get("id").asText().equals("auth.login")).findFirst().orElseThrow();
                assertThat(login.get("verdict").asText()).as("the password was sent").isEqualTo("pass");
            }
            String text = Files.readString(file);
            Base64.Encoder base64 = Base64.getEncoder();
            assertThat(text).doesNotContain("alice-pass")
                    .doesNotContain(base64.encodeToString("\0alice\0alice-pass".getBytes(StandardCharsets.UTF_8)))
                    .doesNotContain(base64.encodeToString("alice-pass".getBytes(StandardCharsets.UTF_8)))
                    .contains("\"passwords\": \"masked\"", "\"masked\":true");

            SessionRecord session = SessionFile.read(file);
            assertThat(session.sound()).as("%s", session.problems()).isTrue();
            assertThat(session.connections()).extracting(connection -> connection.settings().protocol())
                    .containsExactly(MailProtocol.SMTP, MailProtocol.POP3);
            assertThat(session.connections()).extracting(connection -> connection.settings().port())
                    .containsExactly(server.smtpPort(), server.pop3Port());
            for (int i = 0; i < 2; i++) {
                assertThat(lines(session.connections().get(i))).as("connection %d", i + 1)
                        .isNotEmpty().containsExactlyElementsOf(lines(reports.get(i).get("transcript")));
            }
        }
    }

    /** A saved connection's lines as the JSON report writes its transcript: number, who, text, TLS. */
    private static List<String> lines(SessionConnection connection) {
        return connection.events().stream().map(ReportLine::of)
                .map(line -> line.number() + " " + line.direction() + " " + line.tls() + " " + line.text()).toList();
    }

    private static List<String> lines(JsonNode transcript) {
        List<String> lines = new ArrayList<>();
        transcript.forEach(line -> lines.add(line.get("line").asInt() + " " + line.get("direction").asText() + " "
                + line.get("tls").asBoolean() + " " + line.get("text").asText()));
        return lines;
    }
}
