package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.LineClass;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ConnectionClosedException;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ScriptedPeer;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A misbehaving server answers MAIL FROM with a malformed reply (RFC 5321 §4.2, §4.5.3.1.5): the line gets the
 * malformed class, its explanation leads with the problem and never says the command worked, and the session does
 * not move to "sender accepted".
 */
class MalformedSmtpRepliesTest {

    private final Transcript transcript = new Transcript();
    private final EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, Catalogue.english());
    private final SmtpClientSession smtp = new SmtpClientSession(transcript,
            ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(20)));

    MalformedSmtpRepliesTest() {
        transcript.addListener(explainer);
    }

    static List<Arguments> malformedReplies() {
        return List.of(
                Arguments.of("2500 OK\r\n", ReplyIssue.BAD_SEPARATOR),
                Arguments.of("250OK\r\n", ReplyIssue.BAD_SEPARATOR),
                Arguments.of("250-Sender fine\r\n550 No it is not\r\n", ReplyIssue.CODE_MISMATCH),
                Arguments.of("250 OK\n", ReplyIssue.BARE_LF),
                Arguments.of("250 O\rK\r\n", ReplyIssue.BARE_CR),
                Arguments.of("250 " + "x".repeat(600) + "\r\n", ReplyIssue.OVERLONG));
    }

    @ParameterizedTest
    @MethodSource("malformedReplies")
    void aMalformedReplyToMailIsFlaggedAndDoesNotStartATransaction(String reply, ReplyIssue problem) throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 ready\r\n");
            c.receive();
            c.send("250 hello\r\n");
            c.receive();
            c.send(reply);
            c.awaitClientClose();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            smtp.ehlo("client.example");
            SmtpReply answer = smtp.mailFrom("a@example.org");

            assertThat(answer.malformation()).contains(problem);
            assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.READY);
            assertThat(smtp.malformedReply()).contains(problem);
            TranscriptEvent last = lastServerLine();
            assertThat(explainer.info(last.sequence()).lineClass()).isEqualTo(LineClass.MALFORMED);
            List<String> sentences = explainer.explain(last.sequence()).sentences();
            assertThat(sentences.get(0)).startsWith("Malformed reply: " + problem.description());
            assertThat(String.join(" ", sentences)).doesNotContain("the command worked");
            smtp.abort();
        }
    }

    @Test
    void aMalformed354IsNoInvitationToSendTheMessage() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 ready\r\n");
            c.receive();
            c.send("250 hello\r\n");
            c.receive();
            c.send("250 OK\r\n");
            c.receive();
            c.send("250 OK\r\n");
            c.receive();
            c.send("354OK\r\n");
            c.awaitClientClose();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            smtp.ehlo("client.example");
            smtp.mailFrom("a@example.org");
            smtp.rcptTo("b@example.org");
            SmtpReply answer = smtp.data("Subject: x\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII));

            assertThat(answer.text()).isEqualTo("OK");
            assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.RECIPIENTS_GIVEN);
            assertThat(transcript.events()).noneMatch(e -> e.line().startsWith("Subject:"));
            smtp.abort();
        }
    }

    @Test
    void aWellFormedReplyStillStartsTheTransaction() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 ready\r\n");
            c.receive();
            c.send("250 hello\r\n");
            c.receive();
            c.send("250 2.1.0 OK\r\n");
            c.awaitClientClose();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            smtp.ehlo("client.example");
            smtp.mailFrom("a@example.org");

            assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.MAIL_GIVEN);
            assertThat(smtp.malformedReply()).isEmpty();
            assertThat(explainer.info(lastServerLine().sequence()).lineClass()).isEqualTo(LineClass.SUCCESS);
            smtp.abort();
        }
    }

    @Test
    void aReplyLineOver512OctetsIsFlaggedByTheReaderToo() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 " + "x".repeat(600) + "\r\n");
            c.awaitClientClose();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);

            assertThat(lastServerLine().issues()).contains(LineIssue.OVERLONG);
            smtp.abort();
        }
    }

    @Test
    void aReplyCutShortByTheServerClosingIsMalformedNotASuccess() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 ready\r\n");
            c.receive();
            c.send("250 hello\r\n");
            c.receive();
            c.send("250-Sender fine, and\r\n");
            c.hangUp();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            smtp.ehlo("client.example");
            assertThatThrownBy(() -> smtp.mailFrom("a@example.org")).isInstanceOf(ConnectionClosedException.class);

            assertThat(smtp.malformedReply()).contains(ReplyIssue.TRUNCATED);
            TranscriptEvent close = transcript.events().get(transcript.size() - 1);
            assertThat(close.isNote()).isTrue();
            assertThat(explainer.info(close.sequence()).lineClass()).isEqualTo(LineClass.MALFORMED);
            assertThat(explainer.explain(close.sequence()).sentences().get(0)).startsWith("Malformed reply:");
            assertThat(explainer.explain(lastServerLine().sequence()).sentences().get(0))
                    .isEqualTo(Catalogue.english().eventSentence("reply.incomplete"));
        }
    }

    private TranscriptEvent lastServerLine() throws IOException {
        List<TranscriptEvent> events = transcript.events();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).direction() == Direction.SERVER) {
                return events.get(i);
            }
        }
        throw new AssertionError("no server line");
    }
}
