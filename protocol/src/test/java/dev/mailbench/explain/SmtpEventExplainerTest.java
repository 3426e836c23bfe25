package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Explaining the lines of a real SMTP dialogue with GreenMail, line by line, as the detail pane does. */
class SmtpEventExplainerTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));

    private static final String MESSAGE = String.join("\r\n",
            "From: Alice <alice@example.test>",
            "To: Bob <bob@example.test>",
            "Subject: dots",
            "",
            ".a line that starts with a dot",
            "");

    private final Catalogue catalogue = Catalogue.english();
    private final Transcript transcript = new Transcript();
    private final EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, catalogue);
    private final SmtpClientSession smtp = new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()));

    @BeforeEach
    void followTheTranscript() {
        transcript.addListenerWithHistory(explainer);
    }

    @Test
    void everyLineOfAMultiLineReplyExplainsTheWholeReply() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.ehlo("client.example.test");
        smtp.quit();

        List<TranscriptEvent> ehloReply = transcript.events().stream()
                .filter(e -> e.direction() == Direction.SERVER && e.line().startsWith("250")).toList();
        assertThat(ehloReply).hasSizeGreaterThan(1);
        String lines = String.valueOf(ehloReply.size());
        for (TranscriptEvent line : ehloReply) {
            Explanation explanation = explainer.explain(line.sequence());
            assertThat(explanation.title()).isEqualTo(line.line());
            assertThat(explanation.sentences())
                    .contains(catalogue.smtpReply(250), catalogue.eventSentence("reply.multiline"));
            assertThat(value(explanation, "code")).isEqualTo("250");
            assertThat(value(explanation, "lines")).isEqualTo(lines);
            assertThat(value(explanation, "answers")).isEqualTo("EHLO client.example.test");
            assertThat(explainer.info(line.sequence()).lineClass()).isEqualTo(LineClass.SUCCESS);
        }
    }

    @Test
    void aMistypedVerbSuggestsTheNearestOne() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.ehlo("client.example.test");
        smtp.command("RCTP TO:<bob@example.test>");
        smtp.command("XYZZY");
        smtp.quit();

        Explanation typo = explainer.explain(first(Direction.CLIENT, "RCTP").sequence());
        assertThat(typo.sentences()).startsWith("Did you mean RCPT? It is written RCPT TO:<forward-path> [SP rcpt-parameters].")
                .contains(catalogue.eventSentence("command.unknown"));
        Explanation nonsense = explainer.explain(first(Direction.CLIENT, "XYZZY").sequence());
        assertThat(nonsense.sentences()).containsExactly(catalogue.eventSentence("command.unknown"));
    }

    @Test
    void theGreetingIsExplainedAsTheServersFirstWord() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.quit();

        TranscriptEvent greeting = first(Direction.SERVER, "220");
        Explanation explanation = explainer.explain(greeting.sequence());

        assertThat(explanation.sentences()).startsWith(catalogue.eventSentence("greeting"), catalogue.smtpReply(220));
        assertThat(explanation.field(catalogue.fieldLabel("answers"))).isEmpty();
    }

    @Test
    void aWholeTransactionFromMailToTheFinalDot() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.ehlo("client.example.test");
        smtp.mailFrom("alice@example.test");
        smtp.rcptTo("bob@example.test");
        smtp.data(MESSAGE.getBytes(StandardCharsets.US_ASCII));
        smtp.quit();

        TranscriptEvent mail = first(Direction.CLIENT, "MAIL FROM");
        Explanation command = explainer.explain(mail.sequence());
        VerbInfo mailVerb = catalogue.smtpVerb("MAIL").orElseThrow();
        assertThat(command.sentences()).first().isEqualTo(mailVerb.purpose());
        assertThat(value(command, "syntax")).isEqualTo(mailVerb.syntax());
        assertThat(value(command, "rfc")).isEqualTo("RFC 5321 §4.1.1.2");
        assertThat(value(command, "reply")).startsWith("250");
        assertThat(value(command, "bytes")).isEqualTo("MAIL FROM:<alice@example.test>␍␊");
        assertThat(explainer.info(mail.sequence()))
                .extracting(LineInfo::lineClass, LineInfo::role).containsExactly(LineClass.CLIENT, LineRole.COMMAND);

        TranscriptEvent goAhead = first(Direction.SERVER, "354");
        Explanation go = explainer.explain(goAhead.sequence());
        assertThat(go.sentences()).first().isEqualTo(catalogue.smtpReply(354, "DATA"));
        assertThat(value(go, "answers")).isEqualTo("DATA");
        assertThat(value(go, "latency")).endsWith("s");
        assertThat(explainer.info(goAhead.sequence()).lineClass()).isEqualTo(LineClass.INTERMEDIATE);

        TranscriptEvent dotted = first(Direction.CLIENT, "..a line");
        LineInfo dottedInfo = explainer.info(dotted.sequence());
        assertThat(dottedInfo.role()).isEqualTo(LineRole.MESSAGE_TEXT);
        assertThat(dottedInfo.leadingDot()).isTrue();
        assertThat(explainer.explain(dotted.sequence()).sentences())
                .containsExactly(catalogue.eventSentence("message-text"), catalogue.eventSentence("message-text.dot"));
        assertThat(explainer.info(first(Direction.CLIENT, "Subject: dots").sequence()).leadingDot()).isFalse();

        TranscriptEvent end = transcript.events().stream()
                .filter(e -> e.direction() == Direction.CLIENT && e.line().equals(".")).findFirst().orElseThrow();
        assertThat(explainer.info(end.sequence()).role()).isEqualTo(LineRole.END_OF_DATA);
        TranscriptEvent verdict = transcript.events().get((int) end.sequence() + 1);
        assertThat(verdict.line()).startsWith("250");
        assertThat(value(explainer.explain(verdict.sequence()), "answers")).isEqualTo(".");
        assertThat(explainer.info(verdict.sequence()).lineClass()).isEqualTo(LineClass.SUCCESS);
    }

    @Test
    void aCommandOutOfSequenceGetsA503ThatSaysSo() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.ehlo("client.example.test");
        smtp.rcptTo("bob@example.test");
        smtp.quit();

        TranscriptEvent refusal = first(Direction.SERVER, "503");
        Explanation explanation = explainer.explain(refusal.sequence());

        assertThat(explainer.info(refusal.sequence()).lineClass()).isEqualTo(LineClass.PERMANENT);
        assertThat(explanation.sentences()).first().isEqualTo(catalogue.smtpReply(503));
        assertThat(explanation.sentences().get(0)).startsWith("Bad sequence of commands");
        assertThat(value(explanation, "answers")).isEqualTo("RCPT TO:<bob@example.test>");
    }

    @Test
    void notesAreMailbenchsOwnWords() throws Exception {
        smtp.connect("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        smtp.quit();

        TranscriptEvent note = transcript.events().get(0);
        assertThat(note.direction()).isEqualTo(Direction.NOTE);
        Explanation explanation = explainer.explain(note.sequence());

        assertThat(explanation.title()).startsWith("Connecting to 127.0.0.1:");
        assertThat(explanation.sentences()).containsExactly(catalogue.eventSentence("note"));
        assertThat(explainer.info(note.sequence()).lineClass()).isEqualTo(LineClass.NOTE);
    }

    @Test
    void eventsMustComeInOrder() {
        Transcript other = new Transcript();
        TranscriptEvent first = other.note("one");
        TranscriptEvent second = other.note("two");
        TranscriptEvent third = other.note("three");
        EventExplainer fresh = new EventExplainer(MailProtocol.SMTP, catalogue);
        fresh.accept(first);

        assertThatThrownBy(() -> fresh.accept(third)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fresh.accept(second).role()).isEqualTo(LineRole.NOTE);
        assertThat(fresh.explain(1)).isNotNull();
        assertThatThrownBy(() -> fresh.explain(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private TranscriptEvent first(Direction direction, String prefix) {
        return transcript.events().stream()
                .filter(e -> e.direction() == direction && e.line().startsWith(prefix))
                .findFirst().orElseThrow(() -> new AssertionError(prefix + " not in\n" + transcript.toPlainText()));
    }

    private String value(Explanation explanation, String field) {
        return explanation.field(catalogue.fieldLabel(field))
                .orElseThrow(() -> new AssertionError("no " + field + " in " + explanation))
                .value();
    }
}
