package dev.mailbench.app.workbench;

import static dev.mailbench.app.steps.StepBar.FORWARD;
import static dev.mailbench.app.steps.StepBar.LEGAL;
import static dev.mailbench.app.steps.StepBar.OUT_OF_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The walkthroughs' POP3 dialogue in the real window, by the step buttons only, against GreenMail. */
class Pop3WalkthroughTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.POP3}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alice@example.test", "alice", "alice-pass"));

    @TempDir
    Path temp;

    private WindowDriver window;

    @BeforeEach
    void deliverAMessageAndOpenTheWindow() throws Exception {
        GreenMailUtil.sendTextEmail("alice@example.test", "bob@example.test", "Lunch?",
                "Hello Alice,\r\n.see you at noon\r\n", greenMail.getSmtp().getServerSetup());
        window = new WindowDriver(temp, Optional.of(new ConnectionSettings("127.0.0.1",
                greenMail.getPop3().getPort(), MailProtocol.POP3, TlsMode.NONE)));
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        window.close();
    }

    @Test
    void theDialogueByButtonsOnly() {
        window.awaitState(Pop3Phase.AUTHORIZATION.description());
        window.assertStep("USER", LEGAL);
        window.assertStep("PASS", OUT_OF_SEQUENCE);
        window.assertStep("STAT", OUT_OF_SEQUENCE);
        assertThat(window.styleClasses("#step-USER")).contains(FORWARD);
        assertThat(window.styleClasses("#step-CAPA")).contains(LEGAL).doesNotContain(FORWARD);

        window.step("USER");
        window.await(() -> window.styleClasses("#step-PASS").contains(LEGAL), "PASS to become legal");
        assertThat(window.styleClasses("#step-PASS")).contains(FORWARD);
        assertThat(window.styleClasses("#step-USER")).doesNotContain(FORWARD);

        window.click("#step-PASS");
        window.type("#field-password", "alice-pass");
        assertThat(window.text("#step-preview")).isEqualTo("PASS ••••••");
        window.click("#step-send");
        window.awaitState(Pop3Phase.TRANSACTION.description());
        for (String verb : List.of("STAT", "LIST", "RETR", "DELE", "QUIT")) {
            window.assertStep(verb, LEGAL);
        }
        window.assertStep("USER", OUT_OF_SEQUENCE);
        for (String verb : List.of("STAT", "LIST", "RETR", "QUIT")) {
            assertThat(window.styleClasses("#step-" + verb)).as(verb).contains(FORWARD);
        }
        assertThat(window.styleClasses("#step-NOOP")).contains(LEGAL).doesNotContain(FORWARD);
        assertThat(window.styleClasses("#step-DELE")).contains(LEGAL).doesNotContain(FORWARD);

        window.step("STAT");
        window.awaitLine(line -> line.contains("S: +OK 1 "), "the STAT reply");
        window.step("LIST");
        window.awaitLine(line -> line.contains("S: 1 "), "the scan listing");
        window.step("RETR");
        int dotted = window.awaitLine(line -> line.endsWith("S: ..see you at noon"), "the message text");
        window.step("DELE");
        window.awaitLine(line -> line.contains("C: DELE 1"), "DELE");
        window.step("QUIT");
        window.awaitState(Pop3Phase.CLOSED.description());
        // the state is shown at once, the transcript's lines at its next pulse: wait for the last one
        window.awaitLine(line -> line.contains("*  Connection closed by "), "the closing note");

        List<String> lines = window.transcriptLines();
        int pass = indexOf(lines, "C: PASS ");
        assertThat(lines.get(pass)).endsWith("C: PASS ••••••").doesNotContain("alice-pass");
        assertThat(window.lineStyle(pass)).containsExactly("client");
        assertThat(window.lineStyle(pass + 1)).containsExactly("reply-2xx");
        assertThat(window.lineStyle(dotted)).containsExactly("reply-2xx");
        assertThat(lines.stream().map(WindowLines::wire).filter(line -> line.startsWith("C: ")).toList())
                .containsExactly("C: USER alice", "C: PASS ••••••", "C: STAT", "C: LIST", "C: RETR 1", "C: DELE 1",
                        "C: QUIT");

        window.click("#reveal-secrets");
        window.await(() -> window.transcriptLines().get(pass).endsWith("C: PASS alice-pass"), "the revealed password");

        window.clickLine(dotted);
        window.await(() -> window.text("#explanation-title").equals("..see you at noon"), "the explanation");
        assertThat(window.node("#open-message").isVisible()).isTrue();
        window.click("#open-message");
        window.await(() -> window.robot().lookup("#mime-raw").tryQuery().isPresent()
                && ((StyleClassedTextArea) window.node("#mime-raw")).getText().contains("Subject: Lunch?"),
                "the message in the viewer");
        StyleClassedTextArea raw = window.node("#mime-raw");
        String rawText = WindowDriver.onFx(() -> raw.getText());
        assertThat(rawText).contains("\n.see you at noon\n").doesNotContain("..see");
        Tab front = WindowDriver.onFx(() -> ((TabPane) window.node("#session-tabs")).getSelectionModel().getSelectedItem());
        assertThat(front.getText()).isEqualTo("Message: RETR 1");
        assertThat(window.text("#mime-title")).isEqualTo("RETR 1");
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        throw new AssertionError(part + " not in " + lines);
    }
}
