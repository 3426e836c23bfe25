package dev.mailbench.app.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.app.compose.ComposerViewModel;
import dev.mailbench.app.config.RecentHost;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.session.TestSessions;
import dev.mailbench.app.transcript.StyledLine;
import dev.mailbench.app.transcript.TranscriptEntry;

import dev.mailbench.smtp.SmtpArgument;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP walkthrough through the view models alone, against GreenMail: no scene, no waiting. */
class SmtpStepsTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));

    private final List<RecentHost> remembered = new ArrayList<>();
    private SessionViewModel session;

    @BeforeEach
    void openTab() {
        session = TestSessions.session(new ConnectionSettings("127.0.0.1", greenMail.getSmtp().getPort(),
                MailProtocol.SMTP, TlsMode.NONE), remembered);
    }

    @Test
    void theWalkthroughDialogueStepByStep() throws Exception {
        session.connect();
        assertThat(session.connectedProperty().get()).isTrue();
        assertThat(session.stateProperty().get()).isEqualTo(SmtpPhase.GREETED.description());
        assertThat(session.legalVerbs()).contains(SmtpVerb.EHLO, SmtpVerb.HELO).doesNotContain(SmtpVerb.MAIL, SmtpVerb.DATA);
        assertThat(remembered).containsExactly(new RecentHost("127.0.0.1", greenMail.getSmtp().getPort(),
                MailProtocol.SMTP, TlsMode.NONE));

        StepFormViewModel ehlo = form(SmtpVerb.EHLO);
        assertThat(ehlo.previewProperty().get()).isEqualTo("EHLO client.example.test");
        assertThat(ehlo.purpose()).startsWith("Greets the server");
        assertThat(ehlo.syntax()).contains("RFC 5321 §4.1.1.1");
        assertThat(ehlo.legalNow()).isTrue();
        assertThat(ehlo.send()).isTrue();
        assertThat(session.stateProperty().get()).isEqualTo(SmtpPhase.READY.description());
        assertThat(session.legalVerbs()).contains(SmtpVerb.MAIL).doesNotContain(SmtpVerb.RCPT, SmtpVerb.DATA);

        StepFormViewModel mail = form(SmtpVerb.MAIL);
        assertThat(mail.previewProperty().get()).isEqualTo("MAIL FROM:<alice@example.test>");
        mail.value("parameters").set("SIZE=1000");
        assertThat(mail.previewProperty().get()).isEqualTo("MAIL FROM:<alice@example.test> SIZE=1000");
        mail.value("parameters").set("");
        assertThat(mail.send()).isTrue();
        assertThat(session.legalVerbs()).contains(SmtpVerb.RCPT).doesNotContain(SmtpVerb.DATA, SmtpVerb.MAIL);

        StepFormViewModel rcpt = form(SmtpVerb.RCPT);
        rcpt.value("address").set("");
        assertThat(rcpt.canSendProperty().get()).isFalse();
        assertThat(rcpt.problemProperty().get()).isEqualTo("Fill in Recipient.");
        // RFC 5321 §4.1.2: a path holds local-part@domain; §4.1.1.3: RCPT may name the bare Postmaster
        rcpt.value("address").set("bob at example.test");
        assertThat(rcpt.canSendProperty().get()).isFalse();
        assertThat(rcpt.problemProperty().get())
                .startsWith("Recipient is not an address: write it as local-part@domain (RFC 5321 §4.1.2).");
        rcpt.value("address").set("Postmaster");
        assertThat(rcpt.canSendProperty().get()).isTrue();
        rcpt.value("address").set("<bob@example.test>");
        assertThat(rcpt.previewProperty().get()).isEqualTo("RCPT TO:<bob@example.test>");
        assertThat(rcpt.send()).isTrue();
        assertThat(session.legalVerbs()).contains(SmtpVerb.DATA, SmtpVerb.RCPT);

        ComposerViewModel composer = new ComposerViewModel(session, ZonedDateTime.of(2025, 3, 4, 14, 5, 9, 0, ZoneOffset.UTC));
        assertThat(composer.fromProperty().get()).isEqualTo("alice@example.test");
        assertThat(composer.toProperty().get()).isEqualTo("<bob@example.test>");
        composer.subjectProperty().set("Walkthrough");
        assertThat(composer.wireProperty().get())
                .contains("Date: Tue, 4 Mar 2025 14:05:09 +0000⟨CR⟩⟨LF⟩\n", "Subject: Walkthrough⟨CR⟩⟨LF⟩\n",
                        "..A line that starts with a dot goes on the wire with a second dot in front.⟨CR⟩⟨LF⟩\n")
                .endsWith("Regards⟨CR⟩⟨LF⟩\n.⟨CR⟩⟨LF⟩\n");
        assertThat(composer.send()).isTrue();
        assertThat(session.stateProperty().get()).isEqualTo(SmtpPhase.READY.description());

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Walkthrough");
        assertThat(received.getMessageID()).isEqualTo(composer.messageIdProperty().get());
        assertThat((String) received.getContent()).contains("\r\n.A line that starts with a dot");

        assertThat(form(SmtpVerb.QUIT).send()).isTrue();
        assertThat(session.stateProperty().get()).isEqualTo(SmtpPhase.CLOSED.description());
        assertThat(session.connectedProperty().get()).isFalse();
        assertThat(session.legalVerbs()).isEmpty();

        List<TranscriptEntry> entries = session.transcript().drain(Integer.MAX_VALUE);
        List<String> lines = entries.stream().map(e -> session.transcript().render(e))
                .filter(line -> !line.lineStyle().equals("note")).map(SmtpStepsTest::wire).toList();
        assertThat(lines).startsWith("S: 220 *", "C: EHLO client.example.test");
        assertThat(lines).contains("C: MAIL FROM:<alice@example.test>", "C: RCPT TO:<bob@example.test>", "C: DATA",
                "S: 354 *", "C: .", "C: QUIT", "S: 221 *");
    }

    @Test
    void aStepOutOfSequenceIsStillSentAndRefused() {
        session.connect();
        form(SmtpVerb.EHLO).send();

        StepFormViewModel rcpt = form(SmtpVerb.RCPT);
        assertThat(rcpt.legalNow()).isFalse();
        assertThat(rcpt.send()).isTrue();

        List<StyledLine> lines = session.transcript().drain(Integer.MAX_VALUE).stream()
                .map(e -> session.transcript().render(e)).toList();
        StyledLine refusal = lines.get(lines.size() - 1);
        assertThat(refusal.text()).contains("S: 503 ");
        assertThat(refusal.lineStyle()).isEqualTo("reply-5xx");
        assertThat(lines.get(lines.size() - 2).lineStyle()).isEqualTo("client");
    }

    @Test
    void formsOpenWithWhatWasTypedLastTime() {
        session.connect();
        StepFormViewModel first = form(SmtpVerb.EHLO);
        first.value("domain").set("laptop.example.test");
        first.send();

        assertThat(form(SmtpVerb.EHLO).previewProperty().get()).isEqualTo("EHLO laptop.example.test");
        assertThat(form(SmtpVerb.HELO).previewProperty().get()).isEqualTo("HELO client.example.test");
    }

    @Test
    void authPreviewShowsTheBase64AndMasksThePassword() {
        session.connect();
        form(SmtpVerb.EHLO).send();

        StepFormViewModel auth = form(SmtpVerb.AUTH);
        auth.value(Steps.MECHANISM).set("PLAIN");
        auth.value(Steps.PASSWORD).set("alice-pass");
        assertThat(auth.previewProperty().get())
                .isEqualTo("AUTH PLAIN ••••••    (response decoded from base64: \"⟨NUL⟩alice⟨NUL⟩••••••\")");
        auth.revealProperty().set(true);
        assertThat(auth.previewProperty().get()).isEqualTo(
                "AUTH PLAIN AGFsaWNlAGFsaWNlLXBhc3M=    (response decoded from base64: \"⟨NUL⟩alice⟨NUL⟩alice-pass\")");

        auth.value(Steps.MECHANISM).set("LOGIN");
        assertThat(auth.previewProperty().get().lines()).containsExactly(
                "AUTH LOGIN",
                "YWxpY2U=    (response decoded from base64: \"alice\")",
                "YWxpY2UtcGFzcw==    (response decoded from base64: \"alice-pass\")");
    }

    @Test
    void theButtonsAreTheImplementedVerbsOfTheSpecificationInItsOrder() {
        List<StepDefinition> steps = Steps.of(MailProtocol.SMTP);
        assertThat(steps).extracting(StepDefinition::verb)
                .containsExactlyElementsOf(SmtpVerb.implemented());
        assertThat(steps).extracting(StepDefinition::label).contains("MAIL FROM", "RCPT TO", "EHLO");
    }

    @Test
    void aFormAsksForTheVerbsArgumentsAndSendsTheVerbsLine() {
        session.connect();
        for (SmtpVerb verb : List.of(SmtpVerb.HELO, SmtpVerb.MAIL, SmtpVerb.RCPT, SmtpVerb.VRFY, SmtpVerb.HELP)) {
            StepDefinition step = Steps.of(MailProtocol.SMTP).stream().filter(s -> s.verb() == verb)
                    .findFirst().orElseThrow();
            assertThat(step.fields(null)).extracting(StepField::key)
                    .containsExactlyElementsOf(verb.arguments().stream().map(SmtpArgument::name).toList());
            StepFormViewModel form = new StepFormViewModel(step, session);
            String[] typed = verb.arguments().stream().map(argument -> form.value(argument.name()).get())
                    .toArray(String[]::new);
            assertThat(form.previewProperty().get()).as("%s", verb).isEqualTo(verb.line(typed));
        }
    }

    private StepFormViewModel form(SmtpVerb verb) {
        StepDefinition step = Steps.of(MailProtocol.SMTP).stream().filter(s -> s.verb() == verb)
                .findFirst().orElseThrow();
        return new StepFormViewModel(step, session);
    }

    /** The line without time and latency, as {@code C: …} or {@code S: …}, server text after the code as *. */
    private static String wire(StyledLine line) {
        String text = line.segments().get(line.segments().size() - 1).text();
        return text.startsWith("S: ") && text.length() > 7 ? text.substring(0, 7) + "*" : text;
    }
}
