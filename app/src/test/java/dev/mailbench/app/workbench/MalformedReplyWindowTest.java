package dev.mailbench.app.workbench;

import static dev.mailbench.app.steps.StepBar.LEGAL;
import static dev.mailbench.app.steps.StepBar.OUT_OF_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.smtp.ReplyIssue;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window on a server that answers MAIL FROM with a malformed reply (RFC 5321 §4.2): the line has the malformed
 * colour, the state line says "malformed reply" and stays where it was, the step bar does not offer RCPT, and the
 * explanation leads with the problem. The same for a reply cut short by the server closing, and for a POP3 LIST
 * line that is not "number size" (RFC 1939 §5).
 */
class MalformedReplyWindowTest {

    @TempDir
    Path temp;

    private final Catalogue catalogue = Catalogue.english();
    private ServerSocket server;
    private Thread serving;
    private WindowDriver window;

    @AfterEach
    void closeEverything() throws Exception {
        if (window != null) {
            window.close();
        }
        server.close();
        serving.join(10_000);
    }

    @Test
    void aReplyWithoutASpaceAfterTheCodeIsMalformedNotASuccess() throws Exception {
        open(MailProtocol.SMTP, List.of("220 misbehaving.example ready\r\n", "250 misbehaving.example\r\n", "250OK\r\n"),
                false);
        greetAndIntroduce();

        window.step("MAIL");
        String state = "malformed reply: " + ReplyIssue.BAD_SEPARATOR.description() + " (not taken as an answer); "
                + SmtpPhase.READY.description();
        window.awaitState(state);
        window.assertStep("MAIL", LEGAL);
        window.assertStep("RCPT", OUT_OF_SEQUENCE);
        int malformed = window.awaitLine(line -> line.contains("S: 250OK"), "the malformed reply");
        assertThat(window.lineStyle(malformed)).containsExactly("malformed");

        window.clickLine(malformed);
        window.await(() -> window.text("#explanation-title").startsWith("250OK"), "the explanation of 250OK");
        String sentences = explanationText();
        assertThat(sentences).contains(catalogue.malformedReply(ReplyIssue.BAD_SEPARATOR.description()));
        assertThat(sentences.indexOf("Malformed reply:")).isLessThan(sentences.indexOf("Mailbench does not take"));
        assertThat(sentences).doesNotContain("the command worked");
    }

    @Test
    void aReplyCutShortByTheServerClosingIsMalformed() throws Exception {
        open(MailProtocol.SMTP, List.of("220 misbehaving.example ready\r\n", "250 misbehaving.example\r\n",
                "250-Sender fine, and\r\n"), true);
        greetAndIntroduce();

        window.step("MAIL");
        window.awaitState("malformed reply: " + ReplyIssue.TRUNCATED.description() + " (not taken as an answer); "
                + SmtpPhase.CLOSED.description());
        int cut = window.awaitLine(line -> line.contains("Connection closed by the server"), "the close");
        assertThat(window.lineStyle(cut)).containsExactly("malformed");
        assertThat(window.lineStyle(cut - 1)).as("the reply's first line, read before it was cut")
                .containsExactly("reply-2xx");
    }

    @Test
    void aListLineThatIsNotNumberAndSizeIsMalformed() throws Exception {
        open(MailProtocol.POP3, List.of("+OK misbehaving.example ready\r\n", "+OK\r\n", "+OK\r\n",
                "+OK 2 messages\r\n1 120\r\n2 big\r\n.\r\n"), false);
        window.awaitState(Pop3Phase.AUTHORIZATION.description());
        window.step("USER");
        window.await(() -> window.styleClasses("#step-PASS").contains(LEGAL), "PASS to become legal");
        window.click("#step-PASS");
        window.type("#field-password", "alice-pass");
        window.click("#step-send");
        window.awaitState(Pop3Phase.TRANSACTION.description());

        window.step("LIST");
        window.awaitState("malformed response: a LIST line's size is not a number of octets (RFC 1939 §5)"
                + " (not taken as an answer); " + Pop3Phase.TRANSACTION.description());
        int bad = window.awaitLine(line -> line.contains("S: 2 big"), "the malformed scan listing");
        assertThat(window.lineStyle(bad)).containsExactly("malformed");
        assertThat(window.lineStyle(bad - 1)).containsExactly("reply-2xx");
    }

    private void greetAndIntroduce() {
        window.awaitState(SmtpPhase.GREETED.description());
        window.step("EHLO");
        window.awaitState(SmtpPhase.READY.description());
    }

    /** A server that sends the first answer, then one answer to each line it reads, and then hangs up or waits. */
    private void open(MailProtocol protocol, List<String> answers, boolean hangUp) throws Exception {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        serving = new Thread(() -> {
            try (Socket client = server.accept()) {
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream();
                for (int i = 0; i < answers.size(); i++) {
                    if (i > 0) {
                        in.readLine();
                    }
                    out.write(answers.get(i).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                if (!hangUp) {
                    while (in.readLine() != null) {
                        // wait for the client to leave
                    }
                }
            } catch (IOException e) {
                // the test ended the conversation
            }
        }, "misbehaving server");
        serving.setDaemon(true);
        serving.start();
        window = new WindowDriver(temp.resolve("config"), Optional.of(new ConnectionSettings("127.0.0.1",
                server.getLocalPort(), protocol, TlsMode.NONE)));
    }

    private String explanationText() {
        return WindowDriver.onFx(() -> {
            StringBuilder text = new StringBuilder();
            window.robot().lookup("#explanation .label").queryAllAs(Label.class)
                    .forEach(label -> text.append(label.getText()).append('\n'));
            return text.toString();
        });
    }
}
