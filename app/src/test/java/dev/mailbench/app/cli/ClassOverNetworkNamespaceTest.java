package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A class server on a real network link: {@code mailbench serve --class} listening on one end of a veth pair
 * ({@code --bind ADDRESS --allow-remote}), a "student machine" in a network namespace of its own on the other end
 * reaching it across the link. From there, EHLO offers no AUTH before STARTTLS, AUTH is refused with
 * {@code 538 5.7.11} (RFC 4954 §4), POP3 USER with {@code -ERR [AUTH]}, and relaying without AUTH with
 * {@code 550 5.7.1}. Runs where the test may make namespaces (as root, with {@code ip netns}, as in CI).
 */
class ClassOverNetworkNamespaceTest {
    private static final Pattern PORT = Pattern.compile("(SMTP|POP3)  (\\d+\\.\\d+\\.\\d+\\.\\d+):(\\d+)");
    private static final String STUDENT = """
            import socket, sys
            host, smtp_port, pop3_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
            def smtp(f, s, line):
                s.sendall((line + "\\r\\n").encode())
                return reply(f)
            def reply(f):
                lines = [f.readline().decode().rstrip("\\r\\n")]
                while len(lines[-1]) > 3 and lines[-1][3] == "-":
                    lines.append(f.readline().decode().rstrip("\\r\\n"))
                return lines
            s = socket.create_connection((host, smtp_port), timeout=20); f = s.makefile("rb")
            print("GREETING", reply(f)[-1])
            print("EHLO", " | ".join(smtp(f, s, "EHLO student-laptop")))
            print("AUTH", smtp(f, s, "AUTH PLAIN AHN0dWRlbnQwMQB3cm9uZw==")[-1])
            print("MAIL", smtp(f, s, "MAIL FROM:<student01@example.test>")[-1])
            print("RCPT", smtp(f, s, "RCPT TO:<friend@elsewhere.test>")[-1])
            smtp(f, s, "QUIT"); s.close()
            p = socket.create_connection((host, pop3_port), timeout=20); g = p.makefile("rb")
            g.readline()
            p.sendall(b"USER student01\\r\\n")
            print("USER", g.readline().decode().rstrip("\\r\\n"))
            p.close()
            """;

    @TempDir
    Path data;

    private final int net = ThreadLocalRandom.current().nextInt(16, 250);
    private final String namespace = "mbclass" + net;
    private final String veth = "mbcl" + net;
    private final String serverAddress = "10.199." + net + ".1";

    @AfterEach
    void removeTheLink() throws Exception {
        run("ip", "netns", "del", namespace);   // takes its end of the pair, and so the pair, with it
        run("ip", "link", "del", veth + "a");
    }

    @Test
    void aStudentMachineAcrossAVethLinkCannotRelayOrSendAPasswordInClear() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to make network namespaces");
        assumeTrue(run("ip", "netns", "list") == 0, "needs ip netns");
        assertThat(run("ip", "netns", "add", namespace)).isZero();
        assertThat(run("ip", "link", "add", veth + "a", "type", "veth", "peer", "name", veth + "b")).isZero();
        assertThat(run("ip", "link", "set", veth + "b", "netns", namespace)).isZero();
        assertThat(run("ip", "addr", "add", serverAddress + "/30", "dev", veth + "a")).isZero();
        assertThat(run("ip", "link", "set", veth + "a", "up")).isZero();
        assertThat(run("ip", "netns", "exec", namespace, "ip", "addr", "add", "10.199." + net + ".2/30", "dev", veth + "b")).isZero();
        assertThat(run("ip", "netns", "exec", namespace, "ip", "link", "set", veth + "b", "up")).isZero();
        assertThat(run("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up")).isZero();

        PipedOutputStream terminal = new PipedOutputStream();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(new PipedInputStream(terminal))).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(cli.execute("--data-dir", data.toString(), "--class", "2",
                "--bind", serverAddress, "--allow-remote", "--smtp-port", "0", "--pop3-port", "0")));
        serving.setDaemon(true);
        serving.start();
        try {
            ServeCommandTest.awaitText(out, "Press Ctrl-C to stop.");
            String console = out.toString();
            assertThat(console).contains("CLASS MODE: 2 students", "Students connect to   " + serverAddress,
                    "Relaying to other domains needs AUTH. Passwords only after STARTTLS / STLS.", "Certificate SHA-256: ");
            Matcher ports = PORT.matcher(console);
            assertThat(ports.find()).isTrue();
            String smtpPort = ports.group(3);
            assertThat(ports.find()).isTrue();
            String pop3Port = ports.group(3);

            // the student machine, in its own namespace: it reaches the server only across the link
            Process student = new ProcessBuilder("ip", "netns", "exec", namespace, "/usr/bin/python3", "-c", STUDENT,
                    serverAddress, smtpPort, pop3Port).redirectErrorStream(true).start();
            assertThat(student.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<String> seen = new String(student.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertThat(seen).as(String.join("\n", seen)).hasSize(6);
            assertThat(seen.get(0)).startsWith("GREETING 220 ");
            assertThat(seen.get(1)).contains("STARTTLS").doesNotContain("AUTH");
            assertThat(seen.get(2)).isEqualTo("AUTH 538 5.7.11 Encryption required for requested authentication mechanism");
            assertThat(seen.get(3)).startsWith("MAIL 250 ");
            assertThat(seen.get(4)).startsWith("RCPT 550 5.7.1 ");
            assertThat(seen.get(5)).startsWith("USER -ERR [AUTH] ");
        } finally {
            serving.interrupt();
            exit.get(30, TimeUnit.SECONDS);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor();
    }
}
