package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.Direction;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading SMTP dialogues: the telnet session of walkthrough 004 (IIS 6), pipelining, message text and STARTTLS. */
class SmtpDialogueTest {

    private final Transcript transcript = new Transcript();
    private final SmtpDialogue dialogue = new SmtpDialogue();

    @Test
    void theWalkthroughDialogueFromGreetingToQuit() {
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.AWAITING_GREETING);
        SmtpLineReading greeting = server(Walkthrough004.GREETING).get(0);
        assertThat(greeting.answers().kind()).isEqualTo(SmtpTurn.Kind.CONNECTION);
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.GREETED);

        SmtpLineReading ehlo = client("ehlo myrocode.com");
        assertThat(ehlo.role()).isEqualTo(SmtpLineRole.COMMAND);
        List<SmtpLineReading> ehloReply = server(Walkthrough004.EHLO_REPLY);
        assertThat(ehloReply).hasSize(14);
        assertThat(ehloReply.get(0).replyStart()).isTrue();
        assertThat(ehloReply.subList(1, 14)).noneMatch(SmtpLineReading::replyStart);
        assertThat(ehloReply.subList(0, 13)).noneMatch(SmtpLineReading::completesReply);
        assertThat(ehloReply.get(13).reply().code()).isEqualTo(250);
        assertThat(ehloReply.get(13).answers().verb()).contains(SmtpVerb.EHLO);
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.READY);
        assertThat(dialogue.state().capabilities().has("AUTH")).isTrue();
        assertThat(dialogue.state().capabilities().has("PIPELINING")).isTrue();

        // RFC 4954 §4: after 334 the client's lines are base64 responses, until a reply other than 334.
        client("auth login");
        assertThat(server("334 VXNlcm57uWU6\r\n").get(0).answers().verb()).contains(SmtpVerb.AUTH);
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.AUTH_EXCHANGE);
        assertThat(client("aXBlcmJvcmVh").role()).isEqualTo(SmtpLineRole.AUTH_RESPONSE);
        assertThat(server("334 UFFzc3dzcmQ7\r\n").get(0).answers().kind()).isEqualTo(SmtpTurn.Kind.AUTH_RESPONSE);
        assertThat(client("aXBlcmIwMSE=").role()).isEqualTo(SmtpLineRole.AUTH_RESPONSE);
        server("235 2.7.0 Authentication successful\r\n");
        assertThat(dialogue.state()).extracting(SmtpState::phase, SmtpState::authenticated)
                .containsExactly(SmtpPhase.READY, true);
        assertThat(client("mail from:miro@miro.com").role()).isEqualTo(SmtpLineRole.COMMAND);

        server("250 2.1.0 miro@miro.com....Sender OK\r\n");
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.MAIL_GIVEN);
        client("rcpt to:test@myrocode.com");
        server(Walkthrough004.RCPT_REPLY);
        assertThat(dialogue.state()).extracting(SmtpState::phase, SmtpState::recipients)
                .containsExactly(SmtpPhase.RECIPIENTS_GIVEN, 1);
        client("data");
        server("354 Start mail input; end with <CRLF>.<CRLF>\r\n");
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.DATA_INPUT);
        assertThat(client("ciaooooo").role()).isEqualTo(SmtpLineRole.MESSAGE_TEXT);
        TranscriptEvent dot = record(Direction.CLIENT, ".\r\n");
        assertThat(dialogue.accept(dot).role()).isEqualTo(SmtpLineRole.END_OF_DATA);
        SmtpLineReading verdict = server(Walkthrough004.DATA_REPLY).get(0);
        assertThat(verdict.answers()).isEqualTo(new SmtpTurn(SmtpTurn.Kind.END_OF_DATA, dot.sequence(), Optional.empty()));
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.READY);

        client("quit");
        server("221 2.0.0 closing\r\n");
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.CLOSING);
        dialogue.ended();
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.CLOSED);
    }

    @Test
    void pipelinedRepliesAnswerTheCommandsInTheOrderTheyWereSent() {
        greetAndEhlo();
        // RFC 2920 §3: the client sends the whole group, the server answers each command in turn.
        TranscriptEvent mail = record(Direction.CLIENT, "MAIL FROM:<a@example.test>\r\n");
        TranscriptEvent first = record(Direction.CLIENT, "RCPT TO:<b@example.test>\r\n");
        TranscriptEvent second = record(Direction.CLIENT, "RCPT TO:<nobody@example.test>\r\n");
        TranscriptEvent data = record(Direction.CLIENT, "DATA\r\n");
        for (TranscriptEvent command : new TranscriptEvent[] {mail, first, second, data}) {
            assertThat(dialogue.accept(command).role()).isEqualTo(SmtpLineRole.COMMAND);
        }
        assertThat(server("250 2.1.0 OK\r\n").get(0).answers().sequence()).isEqualTo(mail.sequence());
        assertThat(server("250 2.1.5 OK\r\n").get(0).answers().sequence()).isEqualTo(first.sequence());
        assertThat(server("550 5.1.1 no such user\r\n").get(0).answers().sequence()).isEqualTo(second.sequence());
        assertThat(dialogue.state().recipients()).isEqualTo(1);
        SmtpLineReading go = server("354 go ahead\r\n").get(0);
        assertThat(go.answers().sequence()).isEqualTo(data.sequence());
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.DATA_INPUT);
        assertThat(dialogue.awaited()).isEmpty();
    }

    @Test
    void messageTextEndsOnlyAtALoneDotEndedByCrlf() {
        greetAndEhlo();
        client("MAIL FROM:<a@example.test>");
        server("250 OK\r\n");
        client("RCPT TO:<b@example.test>");
        server("250 OK\r\n");
        client("DATA");
        server("354 go ahead\r\n");

        assertThat(dialogue.accept(record(Direction.CLIENT, "Subject: dots\r\n")))
                .extracting(SmtpLineReading::role, SmtpLineReading::leadingDot)
                .containsExactly(SmtpLineRole.MESSAGE_TEXT, false);
        // RFC 5321 §4.5.2: the client doubled the dot of a line starting with one.
        assertThat(dialogue.accept(record(Direction.CLIENT, "..starts with a dot\r\n")))
                .extracting(SmtpLineReading::role, SmtpLineReading::leadingDot)
                .containsExactly(SmtpLineRole.MESSAGE_TEXT, true);
        // RFC 5321 §4.1.1.4: a dot ended by a bare LF is text, not the end (SMTP smuggling).
        assertThat(dialogue.accept(record(Direction.CLIENT, ".\n")).role()).isEqualTo(SmtpLineRole.MESSAGE_TEXT);
        assertThat(dialogue.accept(record(Direction.CLIENT, "MAIL FROM:<mallory@example.test>\r\n")).role())
                .isEqualTo(SmtpLineRole.MESSAGE_TEXT);
        assertThat(dialogue.accept(record(Direction.CLIENT, ".\r\n")).role()).isEqualTo(SmtpLineRole.END_OF_DATA);
        assertThat(dialogue.state().phase()).as("until the server's verdict").isEqualTo(SmtpPhase.DATA_INPUT);
        server("250 2.6.0 queued\r\n");
        assertThat(dialogue.state()).extracting(SmtpState::phase, SmtpState::recipients)
                .containsExactly(SmtpPhase.READY, 0);
    }

    @Test
    void tlsStartsWithTheFirstProtectedLineAfter220ToStartTls() {
        server("220 mail.example.test ESMTP\r\n");
        client("EHLO client.example.test");
        server("250-mail.example.test\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n");
        client("STARTTLS");
        server("220 2.0.0 ready to start TLS\r\n");
        assertThat(dialogue.tlsDue()).isTrue();
        assertThat(dialogue.state().tls()).isFalse();

        dialogue.accept(transcript.note("TLS established: TLSv1.3"));
        assertThat(dialogue.state().tls()).as("a note is not a line on the wire").isFalse();
        TranscriptEvent ehlo = transcript.record(Direction.CLIENT,
                "EHLO client.example.test\r\n".getBytes(StandardCharsets.US_ASCII), true, Set.of(), null);
        assertThat(dialogue.accept(ehlo).role()).isEqualTo(SmtpLineRole.COMMAND);
        // RFC 3207 §4.2: what was learnt in plain text is forgotten; EHLO comes again.
        assertThat(dialogue.state()).extracting(SmtpState::phase, SmtpState::tls, SmtpState::capabilities)
                .containsExactly(SmtpPhase.GREETED, true, EhloCapabilities.none());
        assertThat(dialogue.tlsDue()).isFalse();
    }

    @Test
    void a421ClosesWhateverWasAskedAndAnUnsolicitedReplyAnswersNothing() {
        assertThat(server("220 hello\r\n").get(0).answers().kind()).isEqualTo(SmtpTurn.Kind.CONNECTION);
        assertThat(server("250 nobody asked\r\n").get(0).answers()).isNull();
        client("NOOP");
        server("421 4.3.2 shutting down\r\n");
        assertThat(dialogue.state().phase()).isEqualTo(SmtpPhase.CLOSING);
    }

    private void greetAndEhlo() {
        server(Walkthrough004.GREETING);
        client("EHLO client.example.test");
        server(Walkthrough004.EHLO_REPLY);
    }

    private SmtpLineReading client(String line) {
        return dialogue.accept(record(Direction.CLIENT, line + "\r\n"));
    }

    /** Each line of the server's text, read in turn. */
    private List<SmtpLineReading> server(String text) {
        List<SmtpLineReading> readings = new ArrayList<>();
        for (String line : text.split("(?<=\r\n)")) {
            readings.add(dialogue.accept(record(Direction.SERVER, line)));
        }
        return readings;
    }

    private TranscriptEvent record(Direction direction, String text) {
        return transcript.record(direction, text.getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
    }
}
