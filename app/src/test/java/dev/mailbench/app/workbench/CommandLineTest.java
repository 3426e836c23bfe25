package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import jakarta.mail.internet.MimeMessage;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The same dialogue typed, as in telnet: Enter sends, Up recalls, raw mode sends bytes as typed. */
class CommandLineTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));

    @TempDir
    Path temp;

    private WindowDriver window;

    @BeforeEach
    void openTheWindow() throws Exception {
        window = new WindowDriver(temp, Optional.of(new ConnectionSettings("127.0.0.1", greenMail.getSmtp().getPort(),
                MailProtocol.SMTP, TlsMode.NONE)));
        window.awaitState(SmtpPhase.GREETED.description());
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        window.close();
    }

    @Test
    void theCommandLineSuggestsTheVerbATypoMeantAndCompletesVerbs() {
        window.click("#command-line").write("RCTP TO:<bob@example.test>");
        window.await(() -> window.shown("#command-hint"), "the hint");
        assertThat(window.text("#command-hint")).isEqualTo("Did you mean RCPT?   RCPT TO:<forward-path> [SP rcpt-parameters]");

        window.retype("#command-line", "");
        assertThat(window.shown("#command-hint")).isFalse();
        window.click("#command-line").write("eh");
        assertThat(window.text("#command-hint")).isEqualTo("Tab: EHLO SP ( Domain / address-literal )");
        window.robot().push(KeyCode.TAB);
        assertThat(commandText()).isEqualTo("EHLO ");
        assertThat(window.text("#command-hint")).isEqualTo("EHLO SP ( Domain / address-literal )");
        assertThat(window.robot().lookup("#command-line").query().isFocused()).isTrue();

        window.retype("#command-line", "he");
        assertThat(window.text("#command-hint")).isEqualTo("Tab: HELO SP Domain   HELP [SP String]");
        window.robot().clickOn("#command-line").push(KeyCode.END).push(KeyCode.TAB);
        assertThat(commandText()).isEqualTo("HEL");
    }

    @Test
    void aMessageTypedLineByLine() throws Exception {
        enter("ehlo client.example.test");
        window.awaitState(SmtpPhase.READY.description());
        enter("MAIL FROM:<alice@example.test>");
        window.awaitState(SmtpPhase.MAIL_GIVEN.description());
        enter("RCPT TO:<bob@example.test>");
        window.awaitState(SmtpPhase.RECIPIENTS_GIVEN.description());
        enter("DATA");
        window.awaitState(SmtpPhase.DATA_INPUT.description());
        enter("Subject: typed by hand");
        enter("");
        enter("..a line that starts with a dot, stuffed by hand");
        enter(".");
        window.awaitState(SmtpPhase.READY.description());

        window.click("#command-line").robot().push(KeyCode.UP);
        assertThat(commandText()).isEqualTo(".");
        window.robot().push(KeyCode.UP).push(KeyCode.UP);
        assertThat(commandText()).isEqualTo("Subject: typed by hand");
        window.robot().push(KeyCode.DOWN);
        assertThat(commandText()).isEqualTo("..a line that starts with a dot, stuffed by hand");

        List<String> wire = window.transcriptLines().stream().map(WindowLines::wire)
                .filter(line -> line.startsWith("C: ")).toList();
        assertThat(wire).containsExactly("C: ehlo client.example.test", "C: MAIL FROM:<alice@example.test>",
                "C: RCPT TO:<bob@example.test>", "C: DATA", "C: Subject: typed by hand", "C: ",
                "C: ..a line that starts with a dot, stuffed by hand", "C: .");
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("typed by hand");
        assertThat(((String) received.getContent()).strip()).isEqualTo(".a line that starts with a dot, stuffed by hand");
    }

    @Test
    void rawModeSendsExactlyTheBytesTypedWithMarksForCrAndLf() {
        window.click("#raw-mode");
        window.type("#command-line", "NOOP");
        window.click("#insert-cr");
        window.click("#insert-lf");
        assertThat(commandText()).isEqualTo("NOOP⟨CR⟩⟨LF⟩");
        window.robot().push(KeyCode.ENTER);

        int noop = window.awaitLine(line -> line.endsWith("C: NOOP"), "the raw NOOP");
        window.awaitLine(line -> line.contains("S: 250 "), "the server's answer to the raw bytes");
        window.clickLine(noop);
        window.await(() -> window.text("#explanation-title").equals("NOOP"), "the explanation");
    }

    private void enter(String line) {
        window.click("#command-line");
        window.write(line);
        window.robot().push(KeyCode.ENTER);
        window.await(() -> window.transcriptLines().stream().map(WindowLines::wire).anyMatch(("C: " + line)::equals),
                "the line " + line);
    }

    private String commandText() {
        return WindowDriver.onFx(() -> ((TextField) window.node("#command-line")).getText());
    }
}
