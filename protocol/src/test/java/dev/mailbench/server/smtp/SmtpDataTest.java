package dev.mailbench.server.smtp;

import static dev.mailbench.server.smtp.Replies.assertReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.TranscriptEvent;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DATA: the end of the message, SMTP smuggling, the size and line limits, and a connection lost midway. */
class SmtpDataTest {

    @TempDir
    Path root;
    private PracticeSmtp practice;

    @AfterEach
    void stop() {
        if (practice != null) {
            practice.close();
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * SMTP smuggling: a fake end of data with a bare LF or CR, then a second transaction hidden in the text.
     * A server that honours the fake end would run the hidden MAIL/RCPT/DATA and deliver the forged message.
     */
    @ParameterizedTest(name = "fake end of data {0}")
    @ValueSource(strings = {"\\n.\\n", "\\n.\\r\\n", "\\r\\n.\\n", "\\r.\\r", "\\r\\n.\\r", "\\r.\\r\\n"})
    void aBareLfOrCrNeverEndsTheMessageAndTheHiddenMessageIsNeverDelivered(String fakeEnd) throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        assertReply(smtp.data(), SmtpReplies.S354_START_INPUT);
        String end = fakeEnd.replace("\\r", "\r").replace("\\n", "\n");

        TranscriptEvent verdict = Replies.sendRawAndAwait(smtp, ascii("Subject: first\r\n\r\nfirst message" + end
                + "MAIL FROM:<ceo@example.test>\r\n"
                + "RCPT TO:<bob@example.test>\r\n"
                + "DATA\r\n"
                + "From: The CEO <ceo@example.test>\r\n"
                + "Subject: smuggled\r\n\r\nwire the money\r\n"
                + ".\r\n"), "5");

        assertThat(verdict.line()).startsWith("550 5.6.0 ");
        assertReply(smtp.command("NOOP"), SmtpReplies.S250_OK);
        smtp.quit();
        // One reply to the whole text: the hidden commands were never read as commands.
        List<String> repliesAfter354 = practice.lastServerTranscript().events().stream()
                .filter(e -> e.direction() == Direction.SERVER).map(TranscriptEvent::line)
                .dropWhile(line -> !line.startsWith("354")).toList();
        assertThat(repliesAfter354).containsExactly(
                "354 End data with <CR><LF>.<CR><LF>",
                "550 5.6.0 Error: bare <CR> or <LF> in message text (RFC 5321 section 2.3.8); message not delivered",
                "250 2.0.0 Ok",
                "221 2.0.0 Bye");
        assertThat(practice.messages("alice")).isEmpty();
        assertThat(practice.messages("bob")).isEmpty();
        assertThat(practice.temporaryFiles()).isEmpty();
    }

    @Test
    void aSmugglingAttemptDeepInALargeMessageIsStillShownInTheServerTranscript() throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        smtp.data();
        String filler = ("x".repeat(76) + "\r\n").repeat(2000); // 156 000 octets, beyond what is shown line by line

        Replies.sendRawAndAwait(smtp, ascii("Subject: long\r\n\r\n" + filler + "end\n.\nMAIL FROM:<x@example.test>\r\n.\r\n"), "550");

        String server = practice.lastServerTranscript().toPlainText();
        assertThat(server).contains("C: end\n.\nMAIL FROM:<x@example.test>", "more line(s)", "\nC: .\nS: 550 5.6.0 ");
    }

    @Test
    void afterARefusedSmugglingAttemptTheNextMessageIsDeliveredNormally() throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        smtp.data();
        Replies.sendRawAndAwait(smtp, ascii("one\n.\ntwo\r\n.\r\n"), "550");

        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        assertReply(smtp.data(ascii("Subject: honest\r\n\r\nhello\r\n")), SmtpReplies.S250_QUEUED);

        assertThat(practice.messages("alice")).hasSize(1);
        assertThat(practice.text(practice.messages("alice").get(0))).endsWith("Subject: honest\r\n\r\nhello\r\n");
    }

    @Test
    void aLineThatIsOnlyTwoDotsIsADotInTheMessage() throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        smtp.data();

        Replies.sendRawAndAwait(smtp, ascii("Subject: dots\r\n\r\n..\r\n...\r\n.x\r\n.\r\n"), "250");

        // RFC 5321 §4.5.2: the first dot of a line is removed; ".x" (not stuffed by a sloppy client) loses it too.
        assertThat(practice.text(practice.messages("alice").get(0))).endsWith("Subject: dots\r\n\r\n.\r\n..\r\nx\r\n");
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedAtMail() throws Exception {
        practice = PracticeSmtp.start(root, c -> c.withLimits(c.limits().withMaxMessageSize(1000)));
        SmtpClientSession smtp = practice.connectAndEhlo();

        assertThat(smtp.capabilities().maxSize()).hasValue(1000);
        // RFC 1870 §6.1
        assertReply(smtp.command("MAIL FROM:<miro@example.test> SIZE=1001"), SmtpReplies.S552_TOO_BIG);
        assertReply(smtp.command("MAIL FROM:<miro@example.test> SIZE=1000"), SmtpReplies.S250_SENDER_OK);
    }

    @Test
    void aMessageOverTheSizeLimitIsReadToItsEndAndRefused() throws Exception {
        practice = PracticeSmtp.start(root, c -> c.withLimits(c.limits().withMaxMessageSize(1000)));
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");

        String big = "Subject: big\r\n\r\n" + ("0123456789".repeat(7) + "\r\n").repeat(20);
        assertReply(smtp.data(ascii(big)), SmtpReplies.S552_TOO_BIG);
        assertReply(smtp.noop(), SmtpReplies.S250_OK);

        assertThat(practice.messages("alice")).isEmpty();
        assertThat(practice.temporaryFiles()).isEmpty();
    }

    @Test
    void aTextLineOverTheLineLimitIsRefused() throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");

        assertReply(smtp.data(ascii("Subject: long\r\n\r\n" + "x".repeat(1200) + "\r\n")), SmtpReplies.S500_TEXT_LINE_TOO_LONG);

        assertThat(practice.messages("alice")).isEmpty();
    }

    @Test
    void recipientsBeyondTheLimitGet452AndTheOthersTheMessage() throws Exception {
        practice = PracticeSmtp.start(root, c -> c.withLimits(c.limits().withMaxRecipients(2)));
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");

        assertReply(smtp.rcptTo("alice@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.rcptTo("bob@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.rcptTo("carol@example.test"), SmtpReplies.S452_TOO_MANY_RECIPIENTS);
        assertReply(smtp.data(ascii("Subject: two\r\n\r\nhi\r\n")), SmtpReplies.S250_QUEUED);

        assertThat(practice.messages("bob")).hasSize(1);
        assertThat(practice.messages("carol")).isEmpty();
    }

    @Test
    void aConnectionLostInTheMiddleOfDataLeavesNothingBehind() throws Exception {
        practice = PracticeSmtp.start(root);
        try (Socket socket = new Socket("127.0.0.1", practice.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("EHLO client.example.test\r\nMAIL FROM:<miro@example.test>\r\n"
                    + "RCPT TO:<alice@example.test>\r\nDATA\r\nSubject: cut\r\n\r\nhalf a mess"));
            out.flush();
            Replies.awaitServerLine(practice.lastServerTranscriptWhenOpen(), "354");
        }
        practice.awaitIdle();

        assertThat(practice.messages("alice")).isEmpty();
        assertThat(practice.temporaryFiles()).isEmpty();
        assertThat(practice.lastServerTranscript().toPlainText()).doesNotContain("S: 250 2.0.0");
    }
}
