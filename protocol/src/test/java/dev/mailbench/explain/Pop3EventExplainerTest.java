package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.retrieval.RetrievedMessage;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Explaining a real POP3 dialogue with GreenMail: logins, listings, and the text of a retrieved message. */
class Pop3EventExplainerTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.POP3}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alice@example.test", "alice", "alice-pass"));

    private static final String MESSAGE = String.join("\r\n",
            "From: Bob <bob@example.test>",
            "To: Alice <alice@example.test>",
            "Subject: dotted",
            "",
            "first line",
            ".starts with a dot",
            "");

    private final Catalogue catalogue = Catalogue.english();
    private final Transcript transcript = new Transcript();
    private final EventExplainer explainer = new EventExplainer(MailProtocol.POP3, catalogue);
    private final Pop3ClientSession pop3 = new Pop3ClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()));

    @BeforeEach
    void deliverAMessage() throws Exception {
        try (SmtpClientSession smtp = new SmtpClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer()))) {
            smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
            smtp.helo("client.example.test");
            smtp.mailFrom("bob@example.test");
            smtp.rcptTo("alice@example.test");
            smtp.data(MESSAGE.getBytes(StandardCharsets.US_ASCII));
            smtp.quit();
        }
        transcript.addListenerWithHistory(explainer);
    }

    @Test
    void aMistypedVerbSuggestsTheNearestOne() throws Exception {
        pop3.connect("127.0.0.1", greenMail.getPop3().getPort(), TlsMode.NONE);
        pop3.command("USR alice");
        pop3.quit();

        TranscriptEvent typo = transcript.events().stream()
                .filter(e -> e.direction() == Direction.CLIENT && e.line().startsWith("USR")).findFirst().orElseThrow();
        assertThat(explainer.explain(typo.sequence()).sentences())
                .startsWith("Did you mean USER? It is written USER SP name.")
                .contains(catalogue.eventSentence("command.unknown"));
    }

    @Test
    void theLoginIsExplainedAndThePasswordMasked() throws Exception {
        pop3.connect("127.0.0.1", greenMail.getPop3().getPort(), TlsMode.NONE);
        pop3.user("alice");
        pop3.pass("alice-pass");
        pop3.quit();

        TranscriptEvent pass = line(Direction.CLIENT, "PASS alice-pass");
        assertThat(EventText.display(pass, false, false)).isEqualTo("PASS " + SaslText.MASK);
        assertThat(EventText.display(pass, false, true)).isEqualTo("PASS alice-pass");
        Explanation explanation = explainer.explain(pass.sequence());
        assertThat(explanation.title()).isEqualTo("PASS " + SaslText.MASK);
        assertThat(explanation.sentences())
                // a password outside TLS: the warning comes first
                .startsWith(catalogue.eventSentence("secret.cleartext"), catalogue.pop3Verb("PASS").orElseThrow().purpose())
                .contains(catalogue.eventSentence("secret"));
        assertThat(explanation.field(catalogue.fieldLabel("tls")).orElseThrow().shown(false)).isEqualTo("no");
        assertThat(explanation.fields()).allSatisfy(field -> assertThat(field.shown(false)).doesNotContain("alice-pass"));
        assertThat(explanation.hasSecret()).isTrue();

        TranscriptEvent welcome = transcript.events().get((int) pass.sequence() + 1);
        Explanation ok = explainer.explain(welcome.sequence());
        assertThat(ok.sentences()).first().isEqualTo(catalogue.pop3Status(true));
        assertThat(ok.field(catalogue.fieldLabel("answers")).orElseThrow().shown(false)).isEqualTo("PASS " + SaslText.MASK);
        assertThat(explainer.info(welcome.sequence()).lineClass()).isEqualTo(LineClass.SUCCESS);
    }

    @Test
    void statListAndAFailedRetr() throws Exception {
        pop3.connect("127.0.0.1", greenMail.getPop3().getPort(), TlsMode.NONE);
        pop3.user("alice");
        pop3.pass("alice-pass");
        pop3.stat();
        pop3.list();
        pop3.retr(9);
        pop3.quit();

        Explanation stat = explainer.explain(after("STAT").sequence());
        assertThat(value(stat, "messages")).isEqualTo("1");
        assertThat(Long.parseLong(value(stat, "octets"))).isPositive();

        TranscriptEvent listStatus = after("LIST");
        assertThat(explainer.info(listStatus.sequence()).role()).isEqualTo(LineRole.REPLY);
        assertThat(explainer.explain(listStatus.sequence()).sentences()).contains(catalogue.eventSentence("pop3.multiline"));
        TranscriptEvent scan = transcript.events().get((int) listStatus.sequence() + 1);
        assertThat(scan.line()).startsWith("1 ");
        assertThat(explainer.info(scan.sequence()))
                .extracting(LineInfo::lineClass, LineInfo::role).containsExactly(LineClass.SUCCESS, LineRole.RESPONSE_BODY);
        TranscriptEvent end = transcript.events().get((int) listStatus.sequence() + 2);
        assertThat(explainer.info(end.sequence()).role()).isEqualTo(LineRole.RESPONSE_END);
        assertThat(value(explainer.explain(end.sequence()), "lines")).isEqualTo("1");

        TranscriptEvent refusal = after("RETR 9");
        assertThat(refusal.line()).startsWith("-ERR");
        Explanation err = explainer.explain(refusal.sequence());
        assertThat(err.sentences()).first().isEqualTo(catalogue.pop3Error("RETR").orElseThrow());
        assertThat(explainer.info(refusal.sequence()).lineClass()).isEqualTo(LineClass.PERMANENT);
        assertThat(retrievedMessage(refusal.sequence())).isEmpty();
    }

    @Test
    void everyLineOfARetrievedMessageKnowsItsMessage() throws Exception {
        pop3.connect("127.0.0.1", greenMail.getPop3().getPort(), TlsMode.NONE);
        pop3.user("alice");
        pop3.pass("alice-pass");
        Pop3Reply retr = pop3.retr(1);
        pop3.quit();

        TranscriptEvent dotted = line(Direction.SERVER, "..starts with a dot");
        LineInfo info = explainer.info(dotted.sequence());
        assertThat(info.role()).isEqualTo(LineRole.RESPONSE_BODY);
        assertThat(info.leadingDot()).isTrue();
        Explanation explanation = explainer.explain(dotted.sequence());
        assertThat(explanation.sentences())
                .containsExactly(catalogue.eventSentence("pop3.body"), catalogue.eventSentence("pop3.body.dot"));
        assertThat(value(explanation, "answers")).isEqualTo("RETR 1");
        assertThat(value(explanation, "status")).startsWith("+OK");
        TranscriptEvent status = after("RETR 1");
        assertThat(value(explanation, "line-number")).isEqualTo(String.valueOf(dotted.sequence() - status.sequence()));

        for (TranscriptEvent anyLine : new TranscriptEvent[] {line(Direction.CLIENT, "RETR 1"), status, dotted}) {
            assertThat(explainer.carriesMessage(anyLine.sequence())).isTrue();
            RetrievedMessage message = retrievedMessage(anyLine.sequence()).orElseThrow();
            assertThat(message.command()).isEqualTo("RETR 1");
            assertThat(message.complete()).isTrue();
            assertThat(message.content()).isEqualTo(retr.content());
            assertThat(message.source().read(message.source().all())).as("read where it is held")
                    .isEqualTo(retr.content()).hasSize(message.size());
        }
        assertThat(new String(retr.content(), StandardCharsets.US_ASCII)).contains("\r\n.starts with a dot\r\n");
        assertThat(retrievedMessage(line(Direction.CLIENT, "USER alice").sequence())).isEmpty();
        assertThat(explainer.carriesMessage(line(Direction.CLIENT, "USER alice").sequence())).isFalse();
    }

    /** The message the line belongs to, put together where the explainer's reader found it. */
    private Optional<RetrievedMessage> retrievedMessage(long sequence) {
        return explainer.retrievedText(sequence).map(where -> RetrievedMessage.read(transcript, where));
    }

    private TranscriptEvent line(Direction direction, String text) {
        return transcript.events().stream()
                .filter(e -> e.direction() == direction && e.line().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError(text + " not in\n" + transcript.toPlainText()));
    }

    /** The server line right after a command. */
    private TranscriptEvent after(String command) {
        return transcript.events().get((int) line(Direction.CLIENT, command).sequence() + 1);
    }

    private String value(Explanation explanation, String field) {
        return explanation.field(catalogue.fieldLabel(field))
                .orElseThrow(() -> new AssertionError("no " + field + " in " + explanation))
                .value();
    }
}
