package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpDialogue;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ScriptedPeer;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A command line longer than its protocol allows (RFC 5321 §4.5.3.1.4: 512 octets in SMTP; RFC 2449 §4: 255 in
 * POP3, CRLF included) is sent as typed, so that the server's answer can be seen, and is flagged on its line: the
 * colour of a problem, and the problem first in its explanation. A line's own problem (here a text line over 1000
 * octets) leads its explanation too, instead of trailing below the line.
 */
class LongCommandLineTest {

    private final Catalogue catalogue = Catalogue.english();
    private final Transcript transcript = new Transcript();

    @Test
    void aSmtpCommandOf605OctetsIsSentAndFlaggedAsOverTheLimitOf512() throws Exception {
        EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, catalogue);
        transcript.addListenerWithHistory(explainer);
        String command = "MAIL FROM:<" + "a".repeat(578) + "@example.test>"; // 603 octets, 605 with CRLF
        AtomicInteger received = new AtomicInteger();
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 ready\r\n");
            received.set(c.receive().length() + 2);
            c.send("500 5.5.2 Line too long\r\n");
            c.awaitClientClose();
        })) {
            SmtpClientSession smtp = new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()));
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            assertThat(smtp.command(command).orElseThrow().code()).as("the server's answer, seen").isEqualTo(500);
            smtp.abort();
        }
        assertThat(received.get()).as("sent whole").isEqualTo(605);

        TranscriptEvent sent = clientLine();
        assertThat(sent.length()).isEqualTo(605);
        assertThat(explainer.info(sent.sequence()).lineClass()).isEqualTo(LineClass.MALFORMED);
        List<String> sentences = explainer.explain(sent.sequence()).sentences();
        assertThat(sentences.get(0)).startsWith("Too long:").contains("605 octets")
                .contains("RFC 5321 §4.5.3.1.4").contains(String.valueOf(SmtpDialogue.MAX_COMMAND_LINE));
        assertThat(sentences.get(1)).as("then what MAIL is for").isEqualTo(catalogue.smtpVerb("MAIL").orElseThrow().purpose());
    }

    @Test
    void aSmtpCommandOfExactly512OctetsIsNotFlagged() {
        EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, catalogue);
        transcript.addListenerWithHistory(explainer);
        record(Direction.SERVER, "220 ready\r\n");
        String command = "MAIL FROM:<" + "a".repeat(485) + "@example.test>\r\n";
        assertThat(command).hasSize(SmtpDialogue.MAX_COMMAND_LINE);
        TranscriptEvent sent = record(Direction.CLIENT, command);

        assertThat(explainer.info(sent.sequence()).lineClass()).isEqualTo(LineClass.CLIENT);
        assertThat(String.join(" ", explainer.explain(sent.sequence()).sentences())).doesNotContain("Too long");
    }

    @Test
    void aPop3CommandOver255OctetsIsFlaggedWithRfc2449() {
        EventExplainer explainer = new EventExplainer(MailProtocol.POP3, catalogue);
        transcript.addListenerWithHistory(explainer);
        record(Direction.SERVER, "+OK POP3 ready\r\n");
        TranscriptEvent fits = record(Direction.CLIENT, "USER " + "u".repeat(248) + "\r\n"); // 255 octets
        record(Direction.SERVER, "+OK\r\n");
        TranscriptEvent over = record(Direction.CLIENT, "USER " + "u".repeat(249) + "\r\n"); // 256 octets

        assertThat(fits.length()).isEqualTo(Pop3Dialogue.MAX_COMMAND_LINE);
        assertThat(explainer.info(fits.sequence()).lineClass()).isEqualTo(LineClass.CLIENT);
        assertThat(explainer.info(over.sequence()).lineClass()).isEqualTo(LineClass.MALFORMED);
        assertThat(explainer.explain(over.sequence()).sentences().get(0)).startsWith("Too long:")
                .contains("256 octets").contains("RFC 2449 §4").contains("255");
    }

    @Test
    void aPop3CommandOver255OctetsIsStillSent() throws Exception {
        AtomicInteger received = new AtomicInteger();
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("+OK ready\r\n");
            received.set(c.receive().length() + 2);
            c.send("-ERR line too long\r\n");
            c.awaitClientClose();
        })) {
            Pop3ClientSession pop3 = new Pop3ClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()));
            pop3.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            assertThat(pop3.command("USER " + "u".repeat(300)).isOk()).isFalse();
            pop3.abort();
        }
        assertThat(received.get()).isEqualTo(307);
    }

    @Test
    void aTextLineOver1000OctetsLeadsWithItsProblemAndGivesItsLength() {
        EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, catalogue);
        transcript.addListenerWithHistory(explainer);
        record(Direction.SERVER, "220 ready\r\n");
        record(Direction.CLIENT, "DATA\r\n");
        record(Direction.SERVER, "354 go ahead\r\n");
        TranscriptEvent text = transcript.record(Direction.CLIENT,
                ("x".repeat(4998) + "\r\n").getBytes(StandardCharsets.US_ASCII), false, Set.of(LineIssue.OVERLONG), null);

        Explanation explanation = explainer.explain(text.sequence());
        assertThat(explanation.sentences().get(0)).isEqualTo("Problem: " + LineIssue.OVERLONG.description() + ".");
        assertThat(explanation.sentences()).contains(catalogue.eventSentence("message-text"));
        assertThat(explanation.field(catalogue.fieldLabel("length")).orElseThrow().value())
                .isEqualTo("5000 octets, line ending included");
        assertThat(explanation.fields()).as("the problem is said once, above, not again below")
                .noneMatch(field -> field.value().contains(LineIssue.OVERLONG.description()));
    }

    private TranscriptEvent record(Direction direction, String line) {
        return transcript.record(direction, line.getBytes(StandardCharsets.US_ASCII), false, Set.of(), null);
    }

    private TranscriptEvent clientLine() {
        return transcript.events().stream().filter(e -> e.direction() == Direction.CLIENT).findFirst().orElseThrow();
    }
}
