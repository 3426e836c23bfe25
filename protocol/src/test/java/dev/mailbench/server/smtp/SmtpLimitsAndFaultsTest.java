package dev.mailbench.server.smtp;

import static dev.mailbench.server.smtp.Replies.assertReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.RawConnection;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.wire.TlsMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connection and idle limits, and each fault a teacher can switch on while the server runs. */
class SmtpLimitsAndFaultsTest {

    private static final byte[] MESSAGE = "Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;
    private PracticeSmtp practice;

    @AfterEach
    void stop() {
        if (practice != null) {
            practice.close();
        }
    }

    @Test
    void aClientBeyondTheConnectionLimitGets421AtOnceNotAHang() throws Exception {
        practice = PracticeSmtp.start(root, c -> c.withLimits(c.limits().withMaxConnections(1)));
        SmtpClientSession first = practice.connect();

        SmtpReply refused = practice.client().connect("127.0.0.1", practice.port(), TlsMode.NONE);

        assertReply(refused, SmtpReplies.S421_TOO_MANY_CONNECTIONS);
        assertReply(first.noop(), SmtpReplies.S250_OK);
    }

    @Test
    void anIdleClientIsToldAndDisconnected() throws Exception {
        practice = PracticeSmtp.start(root, c -> c.withLimits(c.limits().withIdleTimeout(Duration.ofMillis(300))));
        SmtpClientSession smtp = practice.connect();

        Replies.awaitServerLine(smtp.transcript(), "421 4.4.2 ");
        Replies.awaitNote(smtp.transcript(), "Connection closed by the server");
    }

    @Test
    void aServerThatStopsSays421FirstAndDeliversNothingHalfReceived() throws Exception {
        practice = PracticeSmtp.start(root, c -> c);
        SmtpClientSession smtp = practice.connect();
        smtp.ehlo("client.example.test");
        smtp.mailFrom("alice@example.test");
        smtp.rcptTo("bob@example.test");
        smtp.command("DATA");
        smtp.sendRaw("Subject: half a message\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        practice.server.close();

        Replies.awaitServerLine(smtp.transcript(), "421 4.3.2 ");
        Replies.awaitNote(smtp.transcript(), "Connection closed by the server");
        assertThat(practice.store.listMessages("bob")).isEmpty();
    }

    @Test
    void aClientTricklingOneByteAtATimeIsTimedOutLikeAnIdleOneWhileOthersAreServed() throws Exception {
        practice = PracticeSmtp.start(root, c -> c.withLimits(c.limits().withIdleTimeout(Duration.ofMillis(1500))));
        try (RawConnection slow = RawConnection.open(practice.port())) {
            assertThat(slow.readLine()).startsWith("220 ");
            // Each byte comes well within the idle timeout, but the command would take 25 s to complete.
            String line = "EHLO a-client-that-types-one-key-at-a-time.slow.example.test\r\n";
            FutureTask<Integer> trickle = new FutureTask<>(
                    () -> slow.trickleUntilClosed(line, Duration.ofMillis(400), Duration.ofSeconds(60)));
            new Thread(trickle, "trickler").start();

            SmtpClientSession other = practice.connectAndEhlo();
            other.mailFrom("miro@example.test");
            other.rcptTo("alice@example.test");
            assertReply(other.data(MESSAGE), SmtpReplies.S250_QUEUED);

            List<String> lines = slow.readUntilClosed(Duration.ofSeconds(60));
            int sent = trickle.get(60, TimeUnit.SECONDS);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("421 4.4.2 ");
            assertThat(slow.closedByServer()).isTrue();
            assertThat(sent).as("cut off after the idle timeout, before the line's end").isLessThan(line.length());
        }
        assertThat(practice.messages("alice")).hasSize(1);
    }

    @Test
    void messageTextTrickledAfterDataIsTimedOutTooAndNothingIsDelivered() throws Exception {
        practice = PracticeSmtp.start(root, c -> c.withLimits(c.limits().withIdleTimeout(Duration.ofMillis(1500))));
        try (RawConnection slow = RawConnection.open(practice.port())) {
            assertThat(slow.readLine()).startsWith("220 ");
            slow.send("HELO slow.example.test\r\nMAIL FROM:<miro@example.test>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\n");
            assertThat(List.of(slow.readLine(), slow.readLine(), slow.readLine(), slow.readLine()))
                    .extracting(line -> line.substring(0, 3)).containsExactly("250", "250", "250", "354");
            slow.send("Subject: slow\r\n\r\n");

            slow.trickleUntilClosed("a line that never ends ", Duration.ofMillis(400), Duration.ofSeconds(60));

            assertThat(slow.readUntilClosed(Duration.ofSeconds(10))).singleElement().asString().startsWith("421 4.4.2 ");
        }
        practice.awaitIdle();
        assertThat(practice.messages("alice")).isEmpty();
        assertThat(practice.temporaryFiles()).isEmpty();
    }

    @Test
    void aSlowClientWhoseEveryCommandArrivesInTimeIsNotCutOff() throws Exception {
        Duration idleTimeout = Duration.ofMillis(3000);
        practice = PracticeSmtp.start(root, c -> c.withLimits(c.limits().withIdleTimeout(idleTimeout)));
        try (RawConnection slow = RawConnection.open(practice.port())) {
            assertThat(slow.readLine()).startsWith("220 ");
            // Commands of about 0.3 s each, until they have taken longer than the timeout in all: each
            // completes well within it.
            long start = System.nanoTime();
            int commands = 0;
            while (commands < 2 || Duration.ofNanos(System.nanoTime() - start).compareTo(idleTimeout) <= 0) {
                slow.trickle("NOOP\r\n", Duration.ofMillis(50));
                assertThat(slow.readLine()).startsWith("250 ");
                commands++;
            }
            slow.send("QUIT\r\n");
            assertThat(slow.readUntilClosed(Duration.ofSeconds(10))).singleElement().asString().startsWith("221 ");
        }
    }

    @Test
    void refusingConnectionsAnswers421OnConnect() throws Exception {
        practice = PracticeSmtp.start(root);
        practice.faults.refuseConnections(true);

        assertReply(practice.client().connect("127.0.0.1", practice.port(), TlsMode.NONE), SmtpReplies.S421_UNAVAILABLE);

        practice.faults.refuseConnections(false);
        assertReply(practice.client().connect("127.0.0.1", practice.port(), TlsMode.NONE), SmtpReplies.S220_GREETING);
    }

    @Test
    void temporaryFailuresOnRcptAreReadAtTheMomentTheyMatter() throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");

        practice.faults.rcptTemporaryFailure(451);
        assertReply(smtp.rcptTo("alice@example.test"), SmtpReplies.S451_RECIPIENT_TEMPORARY);
        practice.faults.rcptTemporaryFailure(452);
        assertReply(smtp.rcptTo("alice@example.test"), SmtpReplies.S452_INSUFFICIENT_STORAGE);
        practice.faults.rcptTemporaryFailure(0);
        assertReply(smtp.rcptTo("alice@example.test"), SmtpReplies.S250_RECIPIENT_OK);
    }

    @Test
    void aTemporaryFailureAtTheEndOfDataDeliversNothing() throws Exception {
        practice = PracticeSmtp.start(root);
        practice.faults.dataTemporaryFailure(451);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");

        assertReply(smtp.data(MESSAGE), SmtpReplies.S451_LOCAL_ERROR);
        practice.faults.dataTemporaryFailure(452);
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        assertReply(smtp.data(MESSAGE), SmtpReplies.S452_INSUFFICIENT_STORAGE);

        assertThat(practice.messages("alice")).isEmpty();
        assertThat(practice.temporaryFiles()).isEmpty();
    }

    @Test
    void greylistingRefusesTheFirstAttemptOfEachTripletAndAcceptsTheRetry() throws Exception {
        practice = PracticeSmtp.start(root);
        practice.faults.greylisting(true);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");

        assertReply(smtp.rcptTo("alice@example.test"), SmtpReplies.S450_GREYLISTED);
        assertReply(smtp.rcptTo("alice@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.rcptTo("bob@example.test"), SmtpReplies.S450_GREYLISTED);
        smtp.rset();
        smtp.mailFrom("someone-else@example.test");
        assertReply(smtp.rcptTo("alice@example.test"), SmtpReplies.S450_GREYLISTED);
        assertReply(smtp.rcptTo("alice@example.test"), SmtpReplies.S250_RECIPIENT_OK);
        assertReply(smtp.data(MESSAGE), SmtpReplies.S250_QUEUED);
        assertThat(practice.messages("alice")).hasSize(1);
    }

    @Test
    void aReplyDelayHoldsBackEveryReply() throws Exception {
        practice = PracticeSmtp.start(root);
        SmtpClientSession smtp = practice.connect();
        practice.faults.replyDelay(Duration.ofMillis(300));

        long start = System.nanoTime();
        assertReply(smtp.noop(), SmtpReplies.S250_OK);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void droppingTheConnectionInTheMiddleOfDataLeavesNothingVisible() throws Exception {
        practice = PracticeSmtp.start(root);
        practice.faults.dropConnectionMidData(true);
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        assertReply(smtp.data(), SmtpReplies.S354_START_INPUT);

        smtp.sendRaw("Subject: lost\r\n\r\nthis never arrives\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
        Replies.awaitNote(smtp.transcript(), "Connection closed by the server");
        practice.awaitIdle();

        assertThat(practice.messages("alice")).isEmpty();
        assertThat(practice.temporaryFiles()).isEmpty();
        assertThat(practice.lastServerTranscript().toPlainText())
                .contains("Fault injected: connection dropped in the middle of DATA")
                .doesNotContain("S: 250 2.0.0 Ok: queued");
    }
}
