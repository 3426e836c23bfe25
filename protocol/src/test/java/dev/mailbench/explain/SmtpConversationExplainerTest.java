package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.sasl.SaslText;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ScriptedPeer;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptAssert;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What real servers do but GreenMail does not, played by a scripted peer on a real socket: refusals with
 * enhanced codes, pipelining, AUTH LOGIN, replies nobody asked for, bytes sent raw.
 */
class SmtpConversationExplainerTest {

    private final Catalogue catalogue = Catalogue.english();
    private final Transcript transcript = new Transcript();
    private final EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, catalogue);
    private final SmtpClientSession smtp = new SmtpClientSession(transcript,
            ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(10)));

    SmtpConversationExplainerTest() {
        transcript.addListenerWithHistory(explainer);
    }

    @Test
    void aRefusalWithAnEnhancedCodeIsExplainedByBothCodes() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 mx.example.test ESMTP\r\n");
            c.receive();
            c.send("250 mx.example.test\r\n");
            c.receive();
            c.send("550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown\r\n");
            c.receive();
            c.send("221 2.0.0 Bye\r\n").hangUp();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            smtp.helo("client.example.test");
            assertThat(smtp.rcptTo("nobody@example.test").code()).isEqualTo(550);
            smtp.quit();
        }

        TranscriptEvent refusal = line(Direction.SERVER, "550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown");
        Explanation explanation = explainer.explain(refusal.sequence());

        assertThat(explanation.sentences()).startsWith(catalogue.smtpReply(550), catalogue.enhancedStatus(5, 1, 1));
        assertThat(value(explanation, "code")).isEqualTo("550");
        assertThat(value(explanation, "enhanced")).isEqualTo("5.1.1");
        assertThat(value(explanation, "answers")).isEqualTo("RCPT TO:<nobody@example.test>");
        assertThat(explainer.info(refusal.sequence()).lineClass()).isEqualTo(LineClass.PERMANENT);
    }

    @Test
    void pipelinedRepliesAreMatchedToTheirCommandsInOrder() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 mx.example.test ESMTP\r\n");
            c.receive();
            c.send("250-mx.example.test\r\n250 PIPELINING\r\n");
            c.receive();
            c.receive();
            c.receive();
            c.send("250 2.1.0 Sender ok\r\n451 4.3.0 Try again later\r\n554 5.5.1 No valid recipients\r\n");
            c.receive();
            c.send("221 Bye\r\n").hangUp();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            smtp.ehlo("client.example.test");
            CompletableFuture<SmtpReply> mail = smtp.send("MAIL FROM:<alice@example.test>").orElseThrow();
            CompletableFuture<SmtpReply> rcpt = smtp.send("RCPT TO:<bob@example.test>").orElseThrow();
            CompletableFuture<SmtpReply> data = smtp.send("DATA").orElseThrow();
            assertThat(data.get(10, TimeUnit.SECONDS).code()).isEqualTo(554);
            assertThat(mail.get().code()).isEqualTo(250);
            assertThat(rcpt.get().code()).isEqualTo(451);
            smtp.quit();
        }

        assertThat(value(explainer.explain(line(Direction.SERVER, "250 2.1.0 Sender ok").sequence()), "answers"))
                .isEqualTo("MAIL FROM:<alice@example.test>");
        TranscriptEvent later = line(Direction.SERVER, "451 4.3.0 Try again later");
        assertThat(value(explainer.explain(later.sequence()), "answers")).isEqualTo("RCPT TO:<bob@example.test>");
        assertThat(explainer.info(later.sequence()).lineClass()).isEqualTo(LineClass.TRANSIENT);
        Explanation refused = explainer.explain(line(Direction.SERVER, "554 5.5.1 No valid recipients").sequence());
        assertThat(value(refused, "answers")).isEqualTo("DATA");
        assertThat(refused.sentences()).contains(catalogue.smtpReply(554), catalogue.enhancedStatus(5, 5, 1));
        assertThat(value(explainer.explain(line(Direction.CLIENT, "DATA").sequence()), "reply"))
                .isEqualTo("554 5.5.1 No valid recipients");
    }

    @Test
    void authLoginIsDecodedAndThePasswordMaskedUntilRevealed() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 mx.example.test ESMTP\r\n");
            c.receive();
            c.send("250-mx.example.test\r\n250 AUTH LOGIN PLAIN\r\n");
            c.receive();
            c.send("334 VXNlcm5hbWU6\r\n");
            c.receive();
            c.send("334 UGFzc3dvcmQ6\r\n");
            c.receive();
            c.send("235 2.7.0 Authentication successful\r\n");
            c.receive();
            c.send("221 Bye\r\n").hangUp();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            smtp.ehlo("client.example.test");
            assertThat(smtp.authLogin("alice", "alice-pass").code()).isEqualTo(235);
            smtp.quit();
        }

        Explanation prompt = explainer.explain(line(Direction.SERVER, "334 VXNlcm5hbWU6").sequence());
        assertThat(prompt.sentences()).first().isEqualTo(catalogue.smtpReply(334, "AUTH"));
        assertThat(value(prompt, "decoded")).contains("\"Username:\"");
        assertThat(value(prompt, "answers")).isEqualTo("AUTH LOGIN");

        TranscriptEvent user = line(Direction.CLIENT, SaslText.encode("alice".getBytes(StandardCharsets.UTF_8)));
        assertThat(explainer.info(user.sequence()).role()).isEqualTo(LineRole.AUTH_RESPONSE);
        assertThat(value(explainer.explain(user.sequence()), "decoded")).contains("\"alice\"");

        String passwordBase64 = SaslText.encode("alice-pass".getBytes(StandardCharsets.UTF_8));
        TranscriptEvent password = line(Direction.CLIENT, passwordBase64);
        Explanation secret = explainer.explain(password.sequence());
        assertThat(secret.title()).isEqualTo(SaslText.MASK).doesNotContain(passwordBase64);
        assertThat(secret.sentences()).contains(catalogue.eventSentence("auth-response"), catalogue.eventSentence("secret"));
        Explanation.Field decoded = secret.field(catalogue.fieldLabel("decoded")).orElseThrow();
        assertThat(decoded.isSecret()).isTrue();
        assertThat(decoded.shown(false)).doesNotContain("alice-pass");
        assertThat(decoded.shown(true)).contains("alice-pass");
        Explanation.Field bytes = secret.field(catalogue.fieldLabel("bytes")).orElseThrow();
        assertThat(bytes.shown(false)).isEqualTo(SaslText.MASK + "␍␊");
        assertThat(bytes.shown(true)).isEqualTo(passwordBase64 + "␍␊");

        Explanation welcome = explainer.explain(line(Direction.SERVER, "235 2.7.0 Authentication successful").sequence());
        assertThat(welcome.sentences()).first().isEqualTo(catalogue.smtpReply(235, "AUTH"));
        assertThat(welcome.field(catalogue.fieldLabel("answers")).orElseThrow().shown(false)).isEqualTo(SaslText.MASK);
    }

    @Test
    void aDotEndedByABareLfDoesNotEndTheMessageAndRawBytesWaitForTheirLineEnding() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 mx.example.test ESMTP\r\n");
            c.receive();
            c.send("250 mx.example.test\r\n");
            c.receive();
            c.send("250 OK\r\n");
            c.receive();
            c.send("250 OK\r\n");
            c.receive();
            c.send("354 go ahead\r\n");
            // The peer reads lines as BufferedReader does, so it would take the bare-LF dot for an end:
            // it waits for the raw piece instead, then the real end.
            while (!"unfinished".equals(c.receive())) {
                // message text
            }
            c.receive();
            c.send("250 2.0.0 queued\r\n");
            c.send("421 4.4.2 idle for too long\r\n").hangUp();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            smtp.helo("client.example.test");
            smtp.mailFrom("alice@example.test");
            smtp.rcptTo("bob@example.test");
            smtp.data();
            smtp.sendRaw("Subject: smuggled?\r\n\r\ntext\n.\nMAIL FROM:<mallory@example.test>\r\nunfinished".getBytes(StandardCharsets.US_ASCII));
            smtp.sendRaw("\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            TranscriptAssert.awaitEvent(transcript, e -> e.line().startsWith("421"), Duration.ofSeconds(10));
        }

        TranscriptEvent bareDot = transcript.events().stream()
                .filter(e -> e.direction() == Direction.CLIENT && e.text().equals(".\n")).findFirst().orElseThrow();
        assertThat(explainer.info(bareDot.sequence()).role()).isEqualTo(LineRole.MESSAGE_TEXT);
        assertThat(explainer.explain(bareDot.sequence()).sentences()).contains(catalogue.eventSentence("bare-lf"));
        assertThat(explainer.info(line(Direction.CLIENT, "MAIL FROM:<mallory@example.test>").sequence()).role())
                .isEqualTo(LineRole.MESSAGE_TEXT);
        TranscriptEvent unfinished = line(Direction.CLIENT, "unfinished");
        assertThat(explainer.info(unfinished.sequence()).role()).isEqualTo(LineRole.PARTIAL);
        assertThat(explainer.explain(unfinished.sequence()).sentences()).first().isEqualTo(catalogue.eventSentence("partial"));

        TranscriptEvent end = transcript.events().stream()
                .filter(e -> e.direction() == Direction.CLIENT && e.text().equals(".\r\n")).findFirst().orElseThrow();
        assertThat(explainer.info(end.sequence()).role()).isEqualTo(LineRole.END_OF_DATA);
        assertThat(value(explainer.explain(line(Direction.SERVER, "250 2.0.0 queued").sequence()), "answers")).isEqualTo(".");

        Explanation closing = explainer.explain(line(Direction.SERVER, "421 4.4.2 idle for too long").sequence());
        assertThat(closing.sentences()).contains(catalogue.smtpReply(421), catalogue.eventSentence("reply.unsolicited"));
        assertThat(closing.field(catalogue.fieldLabel("answers"))).isEmpty();
    }

    private TranscriptEvent line(Direction direction, String text) {
        return transcript.events().stream()
                .filter(e -> e.direction() == direction && e.line().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError(text + " not in\n" + transcript.toPlainText()));
    }

    private String value(Explanation explanation, String field) {
        return explanation.field(catalogue.fieldLabel(field))
                .orElseThrow(() -> new AssertionError("no " + field + " in " + explanation))
                .value();
    }
}
