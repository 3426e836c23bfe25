package dev.mailbench.server.pop3;

import static dev.mailbench.server.pop3.Pop3ServerReply.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.server.PortInUseException;
import dev.mailbench.server.RawConnection;
import dev.mailbench.server.ServerLimits;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TranscriptAssert;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice server's limits and faults as a POP3 client meets them. */
class Pop3LimitsTest {

    @TempDir
    Path directory;

    private Pop3Fixture pop3;

    @AfterEach
    void stop() {
        pop3.close();
    }

    private static ServerLimits limits(int connections, Duration idle, int maxErrors) {
        return new ServerLimits(1000, 0, 100, connections, idle, 3, maxErrors);
    }

    @Test
    void beyondTheConnectionLimitAClientIsToldToComeBackLater() throws Exception {
        pop3 = new Pop3Fixture(directory).limits(limits(1, Duration.ofMinutes(1), 20)).start();
        Pop3ClientSession first = pop3.connect();

        Pop3ClientSession second = pop3.client();
        Pop3Reply refused = second.connect("127.0.0.1", pop3.port(), TlsMode.NONE);

        pop3.assertReply(refused, TOO_MANY_CONNECTIONS);
        assertThat(refused.code()).contains("SYS/TEMP");
        Pop3Fixture.awaitClosed(second);

        first.quit();
        awaitNoConnections();
        assertThat(pop3.connect().isConnected()).isTrue();
    }

    @Test
    void anIdleSessionIsLoggedOutWithoutDeletingAnything() throws Exception {
        pop3 = new Pop3Fixture(directory).limits(limits(10, Duration.ofSeconds(2), 20)).start();
        pop3.deliver("alice", "Subject: keep me\r\n\r\nstill here\r\n");
        Pop3ClientSession client = pop3.loggedIn("alice", "alice-pass");
        client.dele(1);

        TranscriptEvent autologout = TranscriptAssert.awaitEvent(client.transcript(),
                e -> e.direction() == Direction.SERVER && e.line().startsWith("-ERR"), Duration.ofSeconds(20));

        assertThat(autologout.line()).isEqualTo(pop3.line(AUTOLOGOUT));
        Pop3Fixture.awaitClosed(client);
        pop3.awaitServerEvent(0, e -> e.isNote() && e.line().contains("released without QUIT"));
        assertThat(pop3.store.listMessages("alice")).hasSize(1);
    }

    @Test
    void aClientTricklingOneByteAtATimeIsLoggedOutLikeAnIdleOneWhileOthersAreServed() throws Exception {
        pop3 = new Pop3Fixture(directory).limits(limits(10, Duration.ofMillis(1500), 20)).start();
        pop3.deliver("bob", "Subject: for bob\r\n\r\nhi\r\n");
        try (RawConnection slow = RawConnection.open(pop3.port())) {
            assertThat(slow.readLine()).startsWith("+OK");
            // Each byte comes well within the autologout timer, but the command would take 19 s to complete.
            String line = "USER alice-who-types-one-key-at-a-time-slowly\r\n";
            FutureTask<Integer> trickle = new FutureTask<>(
                    () -> slow.trickleUntilClosed(line, Duration.ofMillis(400), Duration.ofSeconds(60)));
            new Thread(trickle, "trickler").start();

            Pop3ClientSession other = pop3.loggedIn("bob", "bob-pass");
            assertThat(other.retr(1).isOk()).isTrue();
            other.quit();

            List<String> lines = slow.readUntilClosed(Duration.ofSeconds(60));
            int sent = trickle.get(60, TimeUnit.SECONDS);
            assertThat(lines).containsExactly(pop3.line(AUTOLOGOUT));
            assertThat(sent).as("logged out after the timer, before the line's end").isLessThan(line.length());
        }
    }

    @Test
    void theRefuseConnectionsFaultAnswersTemporaryFailureAndCloses() throws Exception {
        pop3 = new Pop3Fixture(directory).start();
        pop3.faults.refuseConnections(true);

        Pop3ClientSession client = pop3.client();
        pop3.assertReply(client.connect("127.0.0.1", pop3.port(), TlsMode.NONE), SERVICE_UNAVAILABLE);
        Pop3Fixture.awaitClosed(client);

        pop3.faults.refuseConnections(false);
        assertThat(pop3.connect().isConnected()).isTrue();
    }

    @Test
    void theReplyDelayFaultHoldsBackEveryReply() throws Exception {
        pop3 = new Pop3Fixture(directory).start();
        Pop3ClientSession client = pop3.loggedIn("bob", "bob-pass");

        pop3.faults.replyDelay(Duration.ofMillis(300));
        client.noop();
        client.stat();

        for (String command : new String[] {"NOOP", "STAT"}) {
            long commandAt = client.transcript().events().stream()
                    .filter(e -> e.direction() == Direction.CLIENT && e.line().equals(command))
                    .findFirst().orElseThrow().nanoTime();
            long replyAt = client.transcript().events().stream()
                    .filter(e -> e.direction() == Direction.SERVER && e.nanoTime() > commandAt)
                    .findFirst().orElseThrow().nanoTime();
            assertThat(Duration.ofNanos(replyAt - commandAt)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void aCommandLineLongerThan255OctetsIsRefusedAndTheSessionGoesOn() throws Exception {
        pop3 = new Pop3Fixture(directory).start();
        Pop3ClientSession client = pop3.connect();

        String longest = "USER " + "a".repeat(255 - "USER ".length() - 2); // 255 octets with CRLF: allowed
        assertThat(client.command(longest).isOk()).isTrue();
        pop3.assertReply(client.command(longest + "a"), LINE_TOO_LONG);
        pop3.assertReply(client.command("NOOP " + "x".repeat(20_000)), LINE_TOO_LONG); // read in pieces, answered once
        pop3.assertReply(client.command("CAPA"), CAPABILITIES);
    }

    @Test
    void theErrorBudgetClosesAnAbusiveSession() throws Exception {
        pop3 = new Pop3Fixture(directory).limits(limits(10, Duration.ofMinutes(1), 3)).start();
        Pop3ClientSession client = pop3.connect();

        pop3.assertReply(client.command("HELO"), UNKNOWN_COMMAND, "verb", "HELO");
        pop3.assertReply(client.command("STAT"), WRONG_STATE, "verb", "STAT", "state", "AUTHORIZATION");
        pop3.assertReply(client.command("EHLO"), TOO_MANY_ERRORS);

        Pop3Fixture.awaitClosed(client);
    }

    @Test
    void aTakenPortIsReportedInWordsNotAsAStackTrace() throws Exception {
        pop3 = new Pop3Fixture(directory).start();

        try (Pop3Server second = new Pop3Server(pop3.contextOnPort(pop3.port()))) {
            assertThatThrownBy(second::start).isInstanceOf(PortInUseException.class)
                    .hasMessage("POP3 port " + pop3.port() + " on 127.0.0.1 is already in use by another program. "
                            + "Choose another port (for example " + (pop3.port() + 1) + "), or 0 to let the system "
                            + "pick a free one.");
            assertThat(second.isRunning()).isFalse();
        }
        assertThat(pop3.connect().isConnected()).isTrue();
    }

    private void awaitNoConnections() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pop3.server().activeConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pop3.server().activeConnections()).isZero();
    }
}
