package dev.mailbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mailbench serve} as a script would use it, with Jakarta Mail as the clients. */
class ServeCommandTest {
    private static final Pattern PORT = Pattern.compile("(SMTP|POP3)  127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path data;

    @Test
    void servesOnTheGivenPortsUntilStopped() throws Exception {
        // a terminal nobody types into: the console waits on it until the test ends
        PipedOutputStream terminal = new PipedOutputStream();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(new PipedInputStream(terminal))).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(cli.execute(
                "--data-dir", data.toString(), "--smtp-port", "0", "--pop3-port", "0", "--personality", "exchange2003")));
        serving.start();

        // the last line of the description: the lines before it are out too
        awaitText(out, "Press Ctrl-C to stop.");
        int smtp = port(out, "SMTP");
        int pop3 = port(out, "POP3");
        assertThat(out.toString()).contains("user  alice  password alice-pass");
        assertThat(data.resolve("server.properties")).exists();

        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtp));
        props.put("mail.pop3.host", "127.0.0.1");
        props.put("mail.pop3.port", String.valueOf(pop3));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("bob@example.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@example.test"));
        message.setSubject("from the serve test");
        message.setText("hello over a headless server\n");
        Transport.send(message);

        Store store = session.getStore("pop3");
        store.connect("alice", "alice-pass");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        assertThat(inbox.getMessage(1).getSubject()).isEqualTo("from the serve test");
        inbox.close(false);
        store.close();

        // each connection's notes are printed as they happen, which may be after the client has finished
        awaitText(out, "[SMTP 1] ");
        awaitText(out, "[POP3 2] ");
        serving.interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        terminal.close();
    }

    @Test
    void faultsAreSwitchedFromTheTerminalWhileItRuns() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(new PipedInputStream(typing))).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(cli.execute(
                "--data-dir", data.toString(), "--smtp-port", "0", "--pop3-port", "0")));
        serving.start();
        // printed after the ports: waited for, not assumed to be there once the ports are
        awaitText(out, "Type help for the commands that switch faults");
        int smtp = port(out, "SMTP");

        typing.write("refuse on\nstatus\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        awaitText(out, "; faults: refuse");

        try (Socket client = new Socket("127.0.0.1", smtp)) {
            client.setSoTimeout(15_000);
            String greeting = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(greeting).startsWith("421 4.3.2 ");
        }

        // the names a lesson gives its faults are typed too
        typing.write("rcpt-failure 452\nstatus\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        awaitText(out, "; faults: refuse, rcpt-fail 452");

        typing.write("faults off\ngreylisting maybe\nfrobnicate\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        awaitText(out, "unknown command: frobnicate (help lists the commands)");
        assertThat(out.toString()).contains("every fault off", "greylisting: on or off");
        typing.close();
        serving.interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void smtpAfterPopIsSetByTheOptionAndSwitchedFromTheTerminal() throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ServeCommand(new PipedInputStream(typing))).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(cli.execute(
                "--data-dir", data.toString(), "--smtp-port", "0", "--pop3-port", "0", "--smtp-after-pop", "5")));
        serving.start();
        awaitText(out, "Type help for the commands that switch faults");
        assertThat(out.toString()).contains("  relay SMTP after POP on (5 min): a POP3 login lets its address relay without AUTH");

        typing.write("smtp-after-pop off\nstatus\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        awaitText(out, "; SMTP after POP off: relaying needs AUTH; faults: none");

        typing.write("smtp-after-pop 12\nsmtp-after-pop soon\nhelp\n".getBytes(StandardCharsets.UTF_8));
        typing.flush();
        awaitText(out, "  help                        this list");
        assertThat(out.toString()).contains("SMTP after POP on (12 min)",
                "smtp-after-pop: a number of minutes from 1 to 1440, or off",
                "  smtp-after-pop MINUTES|off  ");
        typing.close();
        serving.interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void withoutTheOptionSmtpAfterPopIsOff() throws Exception {
        StringWriter out = new StringWriter();
        PipedOutputStream terminal = new PipedOutputStream();
        CommandLine cli = new CommandLine(new ServeCommand(new PipedInputStream(terminal))).setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread serving = new Thread(() -> exit.complete(cli.execute(
                "--data-dir", data.toString(), "--smtp-port", "0", "--pop3-port", "0")));
        serving.start();
        awaitText(out, "Press Ctrl-C to stop.");
        assertThat(out.toString()).contains("  relay SMTP after POP off: relaying needs AUTH");
        serving.interrupt();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
        terminal.close();
    }

    static void awaitText(StringWriter out, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!out.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no \"" + text + "\" in:\n" + out);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aTakenPortIsReportedInWordsWithAnotherPortToTry() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            int code = new CommandLine(new ServeCommand(InputStream.nullInputStream())).setErr(new PrintWriter(err, true)).execute(
                    "--data-dir", data.toString(), "--smtp-port", String.valueOf(taken.getLocalPort()), "--pop3-port", "0");
            assertThat(code).isEqualTo(1);
            assertThat(err.toString())
                    .contains("SMTP port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    // the options given are kept, so the suggestion can be run as it stands
                    .contains("Try: mailbench serve --data-dir " + data + " --pop3-port 0 --smtp-port "
                            + (taken.getLocalPort() + 1))
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsReportedInWords() throws Exception {
        Path file = Files.writeString(data.resolveSibling(data.getFileName() + ".txt"), "not a directory");
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ServeCommand(InputStream.nullInputStream())).setErr(new PrintWriter(err, true)).execute(
                "--data-dir", file.toString(), "--smtp-port", "0", "--pop3-port", "0");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("mailbench serve: the data directory cannot be used: ")
                .contains(file + " is a file, not a directory").doesNotContain("Exception", "\tat ");
    }

    @Test
    void oneServerCannotTakeOnePortTwice() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ServeCommand(InputStream.nullInputStream())).setErr(new PrintWriter(err, true)).execute(
                "--data-dir", data.toString(), "--smtp-port", "2626", "--pop3-port", "2626");
        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("SMTP and POP3 cannot both listen on port 2626").doesNotContain("\tat ");
    }

    @Test
    void anAddressThisComputerDoesNotHaveIsNotCalledATakenPort() {
        StringWriter err = new StringWriter();
        // 192.0.2.1: TEST-NET-1 (RFC 5737), never assigned to a real machine
        int code = new CommandLine(new ServeCommand(InputStream.nullInputStream())).setErr(new PrintWriter(err, true)).execute(
                "--data-dir", data.toString(), "--bind", "192.0.2.1", "--allow-remote", "--smtp-port", "0", "--pop3-port", "0");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("192.0.2.1 is not an address of this computer")
                .doesNotContain("already in use", "\tat ");
    }

    @Test
    void aRemoteAddressNeedsConsent() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ServeCommand(InputStream.nullInputStream())).setErr(new PrintWriter(err, true)).execute(
                "--data-dir", data.toString(), "--bind", "0.0.0.0", "--smtp-port", "0", "--pop3-port", "0");
        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--allow-remote").doesNotContain("\tat ");
    }

    /** The port the description gives for {@code protocol}; called once the description is out. */
    private static int port(StringWriter out, String protocol) {
        Matcher m = PORT.matcher(out.toString());
        while (m.find()) {
            if (m.group(1).equals(protocol)) {
                return Integer.parseInt(m.group(2));
            }
        }
        throw new AssertionError("the server did not report its " + protocol + " port:\n" + out);
    }
}
