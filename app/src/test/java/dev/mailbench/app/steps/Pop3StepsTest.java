package dev.mailbench.app.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.session.Prefill;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.session.TestSessions;
import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.retrieval.RetrievedMessage;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The POP3 dialogue through the view models alone, against GreenMail. */
class Pop3StepsTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.POP3}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alice@example.test", "alice", "alice-pass"));

    private SessionViewModel session;

    @BeforeEach
    void deliverAndOpenTab() {
        GreenMailUtil.sendTextEmail("alice@example.test", "bob@example.test", "first", "Hello Alice\r\n.dotted\r\n",
                greenMail.getSmtp().getServerSetup());
        session = TestSessions.session(new ConnectionSettings("127.0.0.1", greenMail.getPop3().getPort(),
                MailProtocol.POP3, TlsMode.NONE));
    }

    @Test
    void loginListRetrieveDeleteQuit() {
        session.connect();
        assertThat(session.stateProperty().get()).isEqualTo(Pop3Phase.AUTHORIZATION.description());
        assertThat(session.legalVerbs()).contains(Pop3Verb.USER, Pop3Verb.CAPA).doesNotContain(Pop3Verb.PASS, Pop3Verb.STAT);

        assertThat(form(Pop3Verb.USER).send()).isTrue();
        assertThat(session.legalVerbs()).contains(Pop3Verb.PASS);

        StepFormViewModel pass = form(Pop3Verb.PASS);
        pass.value(Steps.PASSWORD).set("alice-pass");
        assertThat(pass.previewProperty().get()).isEqualTo("PASS " + SaslText.MASK);
        pass.revealProperty().set(true);
        assertThat(pass.previewProperty().get()).isEqualTo("PASS alice-pass");
        assertThat(pass.send()).isTrue();
        assertThat(session.stateProperty().get()).isEqualTo(Pop3Phase.TRANSACTION.description());
        assertThat(session.legalVerbs()).contains(Pop3Verb.STAT, Pop3Verb.LIST, Pop3Verb.RETR, Pop3Verb.DELE, Pop3Verb.QUIT)
                .doesNotContain(Pop3Verb.USER, Pop3Verb.PASS);

        assertThat(form(Pop3Verb.STAT).send()).isTrue();
        StepFormViewModel list = form(Pop3Verb.LIST);
        assertThat(list.previewProperty().get()).isEqualTo("LIST");
        assertThat(list.send()).isTrue();
        StepFormViewModel retr = form(Pop3Verb.RETR);
        assertThat(retr.previewProperty().get()).isEqualTo("RETR 1");
        assertThat(retr.send()).isTrue();
        assertThat(form(Pop3Verb.DELE).send()).isTrue();
        assertThat(form(Pop3Verb.QUIT).send()).isTrue();
        assertThat(session.stateProperty().get()).isEqualTo(Pop3Phase.CLOSED.description());

        TranscriptViewModel transcript = session.transcript();
        List<TranscriptEntry> entries = transcript.drain(Integer.MAX_VALUE);
        int passLine = indexOf(entries, "PASS alice-pass");
        assertThat(transcript.render(entries.get(passLine)).text()).endsWith("C: PASS " + SaslText.MASK);
        transcript.revealSecretsProperty().set(true);
        assertThat(transcript.render(entries.get(passLine)).text()).endsWith("C: PASS alice-pass");

        int dotted = indexOf(entries, "..dotted");
        transcript.select(dotted);
        assertThat(transcript.messageSelectedProperty().get()).isTrue();
        assertThat(transcript.explanationProperty().get().title()).isEqualTo("..dotted");
        RetrievedMessage message = transcript.selectedMessage().orElseThrow();
        assertThat(message.command()).isEqualTo("RETR 1");
        assertThat(new String(message.content(), StandardCharsets.UTF_8)).contains("Subject: first\r\n", "\r\n.dotted\r\n");

        transcript.select(passLine);
        assertThat(transcript.messageSelectedProperty().get()).isFalse();
        transcript.select(entries.size());
        assertThat(transcript.explanationProperty().get()).isNull();
    }

    @Test
    void apopIsRefusedBeforeSendingWhenTheGreetingHasNoTimestamp() {
        session.connect();

        StepFormViewModel apop = form(Pop3Verb.APOP);

        assertThat(apop.canSendProperty().get()).isFalse();
        assertThat(apop.problemProperty().get()).contains("no timestamp");
        assertThat(apop.send()).isFalse();
    }

    @Test
    void aButtonPerVerbOfTheSpecificationWithItsArgumentsAsTheForm() {
        List<StepDefinition> steps = Steps.of(MailProtocol.POP3);
        assertThat(steps).extracting(StepDefinition::verb)
                .containsExactly(Pop3Verb.values());

        StepDefinition top = step(steps, Pop3Verb.TOP);
        assertThat(top.fields(null)).extracting(StepField::key, StepField::label)
                .containsExactly(tuple(Pop3Steps.MESSAGE, "Message"), tuple(Pop3Steps.LINES, "Body lines"));
        Map<String, String> topValues = top.defaults(Prefill.classroom(), null);
        assertThat(topValues).containsExactly(entry(Pop3Steps.MESSAGE, "1"), entry(Pop3Steps.LINES, "10"));
        assertThat(top.preview(topValues, null)).extracting(PreviewLine::line).containsExactly("TOP 1 10");

        StepDefinition list = step(steps, Pop3Verb.LIST);
        assertThat(list.fields(null)).extracting(StepField::label).containsExactly("Message (blank: all)");
        assertThat(list.problem(list.defaults(Prefill.classroom(), null), null)).isEmpty();
        assertThat(list.preview(Map.of(Pop3Steps.MESSAGE, " 2 "), null)).extracting(PreviewLine::line)
                .containsExactly("LIST 2");

        StepDefinition retr = step(steps, Pop3Verb.RETR);
        assertThat(retr.problem(Map.of(Pop3Steps.MESSAGE, ""), null)).contains("Fill in Message.");

        StepDefinition user = step(steps, Pop3Verb.USER);
        assertThat(user.defaults(Prefill.classroom(), null)).containsExactly(entry(Steps.USER, "alice"));
        assertThat(step(steps, Pop3Verb.PASS).fields(null)).extracting(StepField::kind).containsExactly(StepField.Kind.SECRET);
        assertThat(step(steps, Pop3Verb.STAT).fields(null)).isEmpty();
    }

    private static StepDefinition step(List<StepDefinition> steps, Pop3Verb verb) {
        return steps.stream().filter(s -> s.verb() == verb).findFirst().orElseThrow();
    }

    private StepFormViewModel form(Pop3Verb verb) {
        StepDefinition step = Steps.of(MailProtocol.POP3).stream().filter(s -> s.verb() == verb)
                .findFirst().orElseThrow();
        return new StepFormViewModel(step, session);
    }

    private static int indexOf(List<TranscriptEntry> entries, String line) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).event().line().equals(line)) {
                return i;
            }
        }
        throw new AssertionError(line + " not in the transcript");
    }
}
