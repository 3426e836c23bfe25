package dev.mailbench.app.workbench;

import static dev.mailbench.app.steps.StepBar.FORWARD;
import static dev.mailbench.app.steps.StepBar.LEGAL;
import static dev.mailbench.app.steps.StepBar.OUT_OF_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walkthroughs' SMTP dialogue in the real window, by the step buttons only, against GreenMail: EHLO,
 * a RCPT out of sequence (503), MAIL, RCPT, DATA through the composer, QUIT.
 */
class SmtpWalkthroughTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));

    @TempDir
    Path temp;

    private final Catalogue catalogue = Catalogue.english();
    private WindowDriver window;

    @BeforeEach
    void openTheWindowConnectedToTheServer() throws Exception {
        window = new WindowDriver(temp.resolve("config"), Optional.of(new ConnectionSettings("127.0.0.1",
                greenMail.getSmtp().getPort(), MailProtocol.SMTP, TlsMode.NONE)));
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        window.close();
    }

    @Test
    void theDialogueByButtonsOnly() throws Exception {
        window.awaitState(SmtpPhase.GREETED.description());
        window.assertStep("EHLO", LEGAL);
        window.assertStep("MAIL", OUT_OF_SEQUENCE);
        window.assertStep("DATA", OUT_OF_SEQUENCE);

        window.click("#step-EHLO");
        assertThat(window.text("#step-preview")).isEqualTo("EHLO client.example.test");
        window.click("#step-send");
        window.awaitState(SmtpPhase.READY.description());
        window.assertStep("MAIL", LEGAL);
        window.assertStep("RCPT", OUT_OF_SEQUENCE);
        // ready: MAIL moves the dialogue forward, NOOP and HELP are merely allowed
        assertThat(window.styleClasses("#step-MAIL")).contains(FORWARD);
        assertThat(window.styleClasses("#step-NOOP")).contains(LEGAL).doesNotContain(FORWARD);
        assertThat(window.styleClasses("#step-HELP")).contains(LEGAL).doesNotContain(FORWARD);
        assertThat(window.styleClasses("#step-EHLO")).contains(LEGAL).doesNotContain(FORWARD);

        // out of sequence on purpose: the button works, the server refuses
        window.click("#step-RCPT");
        assertThat(window.node("#step-out-of-sequence").isVisible()).isTrue();
        window.click("#step-send");
        int refusal = window.awaitLine(line -> line.contains("S: 503 "), "the 503");
        window.awaitState(SmtpPhase.READY.description());

        window.step("MAIL");
        window.awaitState(SmtpPhase.MAIL_GIVEN.description());
        window.assertStep("RCPT", LEGAL);
        window.assertStep("DATA", OUT_OF_SEQUENCE);
        window.assertStep("MAIL", OUT_OF_SEQUENCE);

        window.step("RCPT");
        window.awaitState(SmtpPhase.RECIPIENTS_GIVEN.description());
        window.assertStep("DATA", LEGAL);
        window.assertStep("RCPT", LEGAL);
        assertThat(window.styleClasses("#step-DATA")).contains(FORWARD);
        assertThat(window.styleClasses("#step-RSET")).doesNotContain(FORWARD);

        window.click("#step-DATA");
        window.retype("#composer-subject", "Walkthrough");
        window.await(() -> window.node("#composer-wire") instanceof javafx.scene.control.TextArea wire
                && wire.getText().contains("Subject: Walkthrough⟨CR⟩⟨LF⟩"), "the wire preview");
        assertThat(((javafx.scene.control.TextArea) window.node("#composer-wire")).getText())
                .contains("..A line that starts with a dot").endsWith(".⟨CR⟩⟨LF⟩\n");
        window.click("#composer-send");
        int goAhead = window.awaitLine(line -> line.contains("S: 354 "), "the 354");
        window.awaitLine(line -> line.endsWith("C: ."), "the end of the message");
        window.awaitState(SmtpPhase.READY.description());
        window.assertStep("MAIL", LEGAL);
        window.assertStep("DATA", OUT_OF_SEQUENCE);

        window.step("QUIT");
        window.awaitState(SmtpPhase.CLOSED.description());
        window.assertStep("EHLO", OUT_OF_SEQUENCE);
        assertThat(window.node("#step-EHLO").isDisabled()).isTrue();
        // the state is shown at once, the transcript's lines at its next pulse: wait for the last one
        window.awaitLine(line -> line.contains("*  Connection closed by the server"), "the closing note");

        List<String> lines = window.transcriptLines();
        assertThat(wireLines(lines)).containsExactly(
                "S: 220 *",
                "C: EHLO client.example.test",
                "S: 250-*",
                "S: 250 *",
                "C: RCPT TO:<bob@example.test>",
                "S: 503 MAIL must come before RCPT",
                "C: MAIL FROM:<alice@example.test>",
                "S: 250 OK",
                "C: RCPT TO:<bob@example.test>",
                "S: 250 OK",
                "C: DATA",
                "S: 354 Start mail input; end with <CRLF>.<CRLF>");
        assertThat(lines.get(lines.size() - 1)).contains("*  Connection closed by the server");
        int ehlo = lines.indexOf(lines.stream().filter(l -> l.contains("C: EHLO")).findFirst().orElseThrow());
        assertThat(window.lineStyle(ehlo)).containsExactly("client");
        assertThat(window.lineStyle(ehlo + 1)).containsExactly("reply-2xx");
        assertThat(window.lineStyle(refusal)).containsExactly("reply-5xx");
        assertThat(window.lineStyle(goAhead)).containsExactly("reply-3xx");
        assertThat(window.lineStyle(0)).containsExactly("note");

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Walkthrough");

        window.clickLine(goAhead);
        window.await(() -> window.text("#explanation-title").startsWith("354 "), "the explanation of 354");
        assertThat(explanationText()).contains(catalogue.smtpReply(354, "DATA"), "DATA");

        window.clickLine(refusal);
        window.await(() -> window.text("#explanation-title").startsWith("503 "), "the explanation of 503");
        assertThat(explanationText()).contains(catalogue.smtpReply(503), "RCPT TO:<bob@example.test>");
    }

    @Test
    void theTranscriptIsSavedAsTextAndAsColourHtml() throws Exception {
        window.awaitState(SmtpPhase.GREETED.description());
        window.step("EHLO");
        window.awaitState(SmtpPhase.READY.description());

        Path text = temp.resolve("transcript.txt");
        window.answerSaveWith(text);
        window.clickMenu("File", "Save Transcript as Text…");
        window.await(() -> Files.exists(text) && Files.readString(text).contains("C: EHLO"), "the text file");

        Path html = temp.resolve("transcript.html");
        window.answerSaveWith(html);
        window.clickMenu("File", "Save Transcript as HTML…");
        window.await(() -> Files.exists(html) && Files.readString(html).contains("</html>"), "the HTML file");

        assertThat(Files.readString(text, StandardCharsets.UTF_8)).contains("S: 220 ", "C: EHLO client.example.test\n");
        assertThat(Files.readString(html, StandardCharsets.UTF_8))
                .contains("<span class=\"client\">C: EHLO client.example.test</span>", ".reply-2xx {");
        assertThat(window.text("#status")).startsWith("Saved ").endsWith(html.toString());
    }

    @Test
    void lineEndingsAndTransparencyDotsCanBeShown() throws Exception {
        window.awaitState(SmtpPhase.GREETED.description());
        int greeting = window.awaitLine(line -> line.contains("S: 220 "), "the greeting");
        assertThat(window.transcriptLines().get(greeting)).doesNotContain("⟨CR⟩");

        window.click("#show-line-endings");

        window.await(() -> window.transcriptLines().get(greeting).endsWith("ready⟨CR⟩⟨LF⟩"), "visible line endings");
        window.step("EHLO");
        window.awaitLine(line -> line.endsWith("C: EHLO client.example.test⟨CR⟩⟨LF⟩"), "new lines drawn the same way");
        window.click("#show-line-endings");
        window.await(() -> !window.transcriptLines().get(greeting).contains("⟨CR⟩"), "hidden line endings");
    }

    @Test
    void theTranscriptFollowsZoomAndTheme() {
        window.awaitState(SmtpPhase.GREETED.description());
        window.step("EHLO");
        int ehlo = window.awaitLine(line -> line.endsWith("C: EHLO client.example.test"), "EHLO");
        double normal = transcriptFontSize();
        javafx.scene.paint.Paint lightClient = clientFill(ehlo);

        double label = WindowDriver.onFx(() -> ((javafx.scene.control.Label) window.node("#session-state")).getFont().getSize());
        window.robot().push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.PLUS);
        window.await(() -> ((javafx.scene.control.Label) window.node("#session-state")).getFont().getSize() > label, "a larger label font " + label);
        window.await(() -> transcriptFontSize() > normal, "a larger transcript font than " + normal);

        window.click("View");
        window.moveTo("Theme");
        window.click("Dark", org.testfx.robot.Motion.HORIZONTAL_FIRST);
        window.await(() -> !clientFill(ehlo).equals(lightClient), "the dark theme's colour for client lines");
    }

    private double transcriptFontSize() {
        return WindowDriver.onFx(() -> window.lineTexts(0).get(0).getFont().getSize());
    }

    private javafx.scene.paint.Paint clientFill(int line) {
        return WindowDriver.onFx(() -> {
            List<javafx.scene.text.Text> texts = window.lineTexts(line);
            return texts.get(texts.size() - 1).getFill();
        });
    }

    private String explanationText() {
        return WindowDriver.onFx(() -> {
            StringBuilder text = new StringBuilder();
            window.robot().lookup("#explanation .label").queryAllAs(javafx.scene.control.Label.class)
                    .forEach(label -> text.append(label.getText()).append('\n'));
            return text.toString();
        });
    }

    /** Client and server lines up to the 354, times and latencies cut off, server text after the code as *. */
    private static List<String> wireLines(List<String> lines) {
        List<String> wire = new java.util.ArrayList<>();
        for (String line : lines) {
            int start = Math.max(line.indexOf(" C: "), line.indexOf(" S: "));
            if (start < 0) {
                continue;
            }
            String text = line.substring(start + 1);
            if (text.startsWith("S: 220") || text.startsWith("S: 250-") || text.startsWith("S: 250 ") && wire.size() < 4) {
                text = text.substring(0, 7) + "*";
            }
            wire.add(text);
            if (text.startsWith("S: 354")) {
                break;
            }
        }
        return wire;
    }
}
