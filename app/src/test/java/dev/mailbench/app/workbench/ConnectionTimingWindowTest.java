package dev.mailbench.app.workbench;

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
import java.util.Optional;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that greets late and then never answers MAIL: the window shows how long connecting took, the
 * greeting's latency like any reply's, and what Cancel cancelled after how long.
 */
class ConnectionTimingWindowTest {

    @TempDir
    Path temp;

    private ServerSocket server;
    private Thread serving;
    private WindowDriver window;

    @BeforeEach
    void openTheWindowOnASlowServer() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serving = new Thread(this::greetLateAndNeverAnswerMail, "slow-server");
        serving.setDaemon(true);
        serving.start();
        window = new WindowDriver(temp, Optional.of(new ConnectionSettings("127.0.0.1", server.getLocalPort(),
                MailProtocol.SMTP, TlsMode.NONE)));
    }

    @AfterEach
    void closeEverything() throws Exception {
        window.close();
        server.close();
    }

    @Test
    void theConnectTimeAndTheGreetingsLatencyShowAndCancelSaysWhatItCancelled() {
        window.awaitState(SmtpPhase.GREETED.description());
        int connected = window.awaitLine(line -> line.contains("Connected to "), "the connect note");
        assertThat(window.transcriptLines().get(connected)).matches(".*Connected to .* in \\d+(\\.\\d)? m?s");
        int greeting = window.awaitLine(line -> line.contains("S: 220 "), "the greeting");
        assertThat(greeting).isGreaterThan(connected);
        assertThat(window.transcriptLines().get(greeting)).matches(".*\\+\\d+(\\.\\d)? (ms|s) +S: 220 .*");

        window.clickLine(greeting);
        window.await(() -> window.text("#explanation-title").startsWith("220 "), "the greeting's explanation");
        assertThat(explanationText()).contains(Catalogue.english().fieldLabel("latency"));

        window.click("#command-line");
        window.write("MAIL FROM:<alice@example.test>");
        window.robot().push(KeyCode.ENTER);
        window.await(() -> window.shown("#cancel"), "the wait for MAIL's reply");
        window.click("#cancel");

        int cancelled = window.awaitLine(line -> line.contains("Cancelled "), "the note of the Cancel");
        assertThat(window.transcriptLines().get(cancelled))
                .matches(".*Cancelled the wait for the reply to MAIL after \\d+(\\.\\d s| min \\d\\d s)");
        int closed = window.awaitLine(line -> line.contains("Connection closed by the client"), "the close");
        assertThat(closed).isGreaterThan(cancelled);
        window.awaitState(SmtpPhase.CLOSED.description());
    }

    /** Greets after a pause, answers EHLO-less MAIL never: the client is left waiting. */
    private void greetLateAndNeverAnswerMail() {
        try (Socket client = server.accept()) {
            Thread.sleep(300);
            OutputStream out = client.getOutputStream();
            out.write("220 slow.example.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII));
            while (in.readLine() != null) {
                // silent from here on
            }
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
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
