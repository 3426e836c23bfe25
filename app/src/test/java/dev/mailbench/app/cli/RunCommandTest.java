package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mailbench run}: exit codes, the transcript on standard output, the side-by-side replies and their page. */
class RunCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLine(new RunCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
    }

    private Path script(String name, String text) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void exitCodesSayWhetherEveryExpectHeldAndTwoServersAreComparedOnAPage() throws Exception {
        try (PracticeServer server = PracticeServer.start(
                DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0))) {
            String uri = "smtp://127.0.0.1:" + server.smtpPort();
            Path good = script("good.mbscript", "expect 220\nNOOP\nexpect 250\n"
                    + "# a bare LF ends no line: the server reads on, and refuses the line the next CRLF ends\n"
                    + "NOOP⟨LF⟩\nNOOP\nexpect 5xx\nQUIT\nexpect 2xx\n");
            assertThat(run(good.toString(), "--server", uri)).isZero();
            assertThat(out.toString()).contains("C: NOOP\n", "S: 250 2.0.0 Ok", "C: NOOP⟨LF⟩\n");

            Path bad = script("bad.mbscript", "expect 220\nNOOP\n# a wrong guess\nexpect 5.5.1\nQUIT\n");
            assertThat(run(bad.toString(), "--server", uri)).isEqualTo(1);
            assertThat(err.toString()).contains("mailbench run: " + bad + ":4: expected 5.5.1, got 250 2.0.0 Ok");

            Path page = temp.resolve("compare.html");
            assertThat(run(good.toString(), "--server", uri, "--server", uri, "--html", page.toString())).isZero();
            assertThat(out.toString()).contains("== A: " + uri, "== B: " + uri, "A = " + uri);
            assertThat(Files.readString(page)).contains("<th>B: " + uri + "</th>");
        }
    }

    @Test
    void saveWritesTheRunAsASessionFileOneConnectionPerServerPasswordsMasked() throws Exception {
        try (PracticeServer server = PracticeServer.start(
                DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0))) {
            String uri = "pop3://127.0.0.1:" + server.pop3Port();
            Path login = script("login.mbscript", "expect +OK\nUSER bob\nPASS bob-pass\nexpect +OK\nQUIT\n");
            Path saved = temp.resolve("login.mbsession");
            assertThat(run(login.toString(), "--server", uri, "--server", uri, "--save", saved.toString())).isZero();

            SessionRecord record = SessionFile.read(saved);
            assertThat(record.sound()).isTrue();
            assertThat(record.passwordsKept()).isFalse();
            assertThat(record.connections()).hasSize(2);
            // each connection's lines, read back, are the lines the run printed as it went, in order
            List<String> printed = out.toString().lines().map(line -> line.replaceFirst("   \\[[^]]*]$", ""))
                    .filter(line -> line.matches("(C: |S: |\\*  ).*")).toList(); // not the comparison after them
            List<String> readBack = new ArrayList<>();
            for (SessionConnection connection : record.connections()) {
                assertThat(connection.settings().address()).isEqualTo("127.0.0.1:" + server.pop3Port());
                readBack.addAll(connection.transcript().toPlainText().lines().toList());
            }
            assertThat(readBack).hasSize(printed.size()).contains("C: USER bob")
                    .noneMatch(line -> line.contains("bob-pass"));
            assertThat(readBack).isEqualTo(printed);
        }
    }

    @Test
    void aRefusedConnectionOrABadScriptIsExitTwoWithOneLine() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path good = script("good.mbscript", "expect 220\nQUIT\n");
        assertThat(run(good.toString(), "--server", "smtp://127.0.0.1:" + closed)).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("mailbench run: Could not connect to 127.0.0.1:" + closed)
                .contains("refused").doesNotContain("\n");

        assertThat(run(script("syntax.mbscript", "expect 2yz\n").toString(), "--server", "smtp://127.0.0.1:" + closed)).isEqualTo(2);
        assertThat(err.toString()).contains(":1: not a reply to expect: \"2yz\"");
        assertThat(run(good.toString(), "--server", "imap://127.0.0.1")).isEqualTo(2);
        err.getBuffer().setLength(0);
        assertThat(run(good.toString(), "--server", "smtp://127.0.0.1:99999")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Invalid value for option '--server' (URI): port 99999 in "
                + "smtp://127.0.0.1:99999 is not a TCP port").doesNotContain("Exception");
        assertThat(run(temp.resolve("missing.mbscript").toString(), "--server", "smtp://127.0.0.1")).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }
}
