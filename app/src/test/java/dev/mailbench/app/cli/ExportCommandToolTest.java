package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.store.StoredMessage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mailbench run --save} then {@code mailbench export --as swaks|curl}: a session saved from a real run
 * against the practice server, passwords masked, exported and run with the real tool, delivers the same message.
 * {@code .ci/run} installs the tools where they lack.
 */
class ExportCommandToolTest {

    private static final String MESSAGE = """
            From: Alice <alice@example.test>
            To: Bob <bob@example.test>
            Subject: saved, then reproduced

            First line.
            .a line that starts with a dot
            Last line.
            """;

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int mailbench(Object command, String... arguments) {
        return new CommandLine(command).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(arguments);
    }

    @Test
    void aSavedRunExportedAsSwaksDeliversTheSameMessageAndEachConnectionIsNamed() throws Exception {
        try (PracticeServer server = PracticeServer.start(
                DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0))) {
            String uri = "smtp+starttls://127.0.0.1:" + server.smtpPort();
            StringBuilder script = new StringBuilder("""
                    EHLO client.example.test
                    STARTTLS
                    EHLO client.example.test
                    AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=
                    expect 235
                    MAIL FROM:<alice@example.test>
                    RCPT TO:<bob@example.test>
                    DATA
                    """);
            for (String line : MESSAGE.split("\n")) {
                script.append(line.startsWith(".") ? "." + line : line).append('\n'); // dot-stuffed, as on the wire
            }
            script.append(".\nexpect 250\nQUIT\n");
            Path file = temp.resolve("send.mbscript");
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Path saved = temp.resolve("send.mbsession");
            assertThat(mailbench(new RunCommand(), file.toString(), "--server", uri, "--save", saved.toString()))
                    .as(err.toString()).isZero();
            List<String> before = server.store().listMessages("bob").stream().map(Object::toString).toList();

            Path swaks = temp.resolve("send.swaks");
            assertThat(mailbench(new ExportCommand(), saved.toString(), "--as", "swaks", "-o", swaks.toString())).isZero();
            String command = Files.readString(swaks);
            // the file masks the password: the command asks for it, and for the user name AUTH PLAIN carried
            assertThat(command).contains("swaks --server 127.0.0.1 --port " + server.smtpPort(), "--tls",
                    "--auth PLAIN", "$MAILBENCH_PASSWORD").doesNotContain("alice-pass").doesNotContain("# ---- Connection");
            runShell(command);

            List<StoredMessage> delivered = server.store().listMessages("bob").stream()
                    .filter(message -> !before.contains(message.toString())).toList();
            assertThat(delivered).hasSize(1);
            try (InputStream in = delivered.get(0).open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n")).endsWith(MESSAGE);
            }

            // two servers, one file: each connection exported on its own, under a comment naming it
            Path twice = temp.resolve("twice.mbsession");
            Path greet = temp.resolve("greet.mbscript");
            Files.writeString(greet, "EHLO client.example.test\nQUIT\n", StandardCharsets.UTF_8);
            String plain = "smtp://127.0.0.1:" + server.smtpPort();
            assertThat(mailbench(new RunCommand(), greet.toString(), "--server", plain, "--server", uri,
                    "--save", twice.toString())).isZero();
            out.getBuffer().setLength(0);
            assertThat(mailbench(new ExportCommand(), twice.toString(), "--as", "openssl")).isZero();
            assertThat(out.toString()).contains("# ---- Connection 1 of 2: " + plain + " ----\n",
                    "# ---- Connection 2 of 2: " + uri + " ----\n", "-starttls smtp");
        }
    }

    /** Runs exported text as a shell script with the masked credentials set; it must succeed. */
    private static void runShell(String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true);
        builder.environment().put("MAILBENCH_USER", "alice");
        builder.environment().put("MAILBENCH_PASSWORD", "alice-pass");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(script + "\n---\n" + output).isZero();
    }
}
