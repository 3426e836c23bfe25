package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ConnectionClosedException;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.ScriptedPeer;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TlsModeHints;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the SMTP client does when the server misbehaves: silence, malformed replies, a hang-up. Every case ends
 * in a recorded event and a clean state, never an exception escaping the session or a hung thread.
 */
class SmtpClientRobustnessTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    private final Transcript transcript = new Transcript();
    private final SmtpClientSession smtp =
            new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(SHORT));

    @Test
    void aSilentServerTimesOutAndCancelLeavesACleanState() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            release.await(10, TimeUnit.SECONDS);
            c.awaitClientClose();
        })) {
            assertThatThrownBy(() -> smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE))
                    .isInstanceOf(ReplyTimeoutException.class)
                    .hasMessage("no reply within 300 ms");
            assertThat(lastNote()).isEqualTo("No reply within 300 ms; still listening.");
            assertThat(smtp.isConnected()).isTrue();

            smtp.abort();
            assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.CLOSED);
            assertThat(smtp.isConnected()).isFalse();
            assertThat(lastNote()).isEqualTo("Connection closed by the client");
            release.countDown();
        }
    }

    @Test
    void aCancelThatComesWhileTheConnectionIsBeingMadeIsNotLost() throws Exception {
        SmtpClientSession patient = new SmtpClientSession(transcript,
                ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(30)));
        // Cancel at the moment the TCP connection is up, before the session holds it.
        transcript.addListener(e -> {
            if (e.isNote() && e.line().startsWith("Connected to ")) {
                patient.abort();
            }
        });
        try (ScriptedPeer peer = new ScriptedPeer(c -> c.awaitClientClose())) {
            // The peer never greets: a lost cancel would end only by the 30 s reply timeout, as a
            // ReplyTimeoutException; the cancel ends it first, as another IOException.
            assertThatThrownBy(() -> patient.connect("127.0.0.1", peer.port(), TlsMode.NONE))
                    .isInstanceOf(java.io.IOException.class)
                    .isNotInstanceOf(ReplyTimeoutException.class);

            assertThat(patient.isConnected()).isFalse();
        }
    }

    @Test
    void aReplyThatArrivesLateIsStillRecorded() throws Exception {
        CountDownLatch timedOut = new CountDownLatch(1);
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            timedOut.await(10, TimeUnit.SECONDS);
            c.send("220 late but here\r\n");
            c.awaitClientClose();
        })) {
            assertThatThrownBy(() -> smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE))
                    .isInstanceOf(ReplyTimeoutException.class);
            timedOut.countDown();
            dev.mailbench.wire.TranscriptAssert.awaitEvent(transcript, e -> e.line().equals("220 late but here"),
                    Duration.ofSeconds(10));
            assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.GREETED);
            smtp.abort();
        }
    }

    @Test
    void aHangUpMidDialogueFailsTheCommandAndClosesTheSession() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 ready\r\n");
            c.receive();
            c.hangUp();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            assertThatThrownBy(() -> smtp.ehlo("client.example.test")).isInstanceOf(ConnectionClosedException.class);
            assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.CLOSED);
            assertThat(transcript.events()).extracting(TranscriptEvent::line).contains("Connection closed by the server");
            assertThatThrownBy(() -> smtp.noop()).isInstanceOf(ConnectionClosedException.class).hasMessage("not connected");
            assertThat(readerThreadsAlive()).isFalse();
        }
    }

    @Test
    void malformedRepliesAreDeliveredWithTheirProblemsNamed() throws Exception {
        String longLine = "250 " + "x".repeat(2_000) + "\r\n";
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("hello, I am not SMTP\r\n");
            c.receive();
            c.send("250-first\r\n251 wrong code on the last line\r\n");
            c.receive();
            c.send("250 bare line feed\n");
            c.receive();
            c.send(longLine);
            c.receive();
            c.send("250 caf\u00e9 in Latin-1\r\n");
            c.receive();
            c.send("250OK\r\n");
            c.awaitClientClose();
        })) {
            SmtpReply banner = smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            assertThat(banner.code()).isZero();
            assertThat(banner.issues()).contains(ReplyIssue.NO_CODE);
            assertThat(banner.text()).isEqualTo("hello, I am not SMTP");

            SmtpReply mismatch = smtp.ehlo("client.example.test");
            assertThat(mismatch.issues()).contains(ReplyIssue.CODE_MISMATCH);
            assertThat(mismatch.lines()).containsExactly("first", "wrong code on the last line");

            assertThat(smtp.noop().issues()).contains(ReplyIssue.BARE_LF);
            SmtpReply overlong = smtp.noop();
            assertThat(overlong.issues()).contains(ReplyIssue.OVERLONG);
            assertThat(overlong.text()).hasSize(2_000);
            assertThat(smtp.noop().issues()).contains(ReplyIssue.NON_ASCII);
            assertThat(smtp.noop().issues()).contains(ReplyIssue.BAD_SEPARATOR);
            smtp.abort();
        }
        assertThat(transcript.events()).filteredOn(e -> e.line().startsWith("250 x")).singleElement()
                .satisfies(e -> assertThat(e.issues()).contains(dev.mailbench.wire.LineIssue.OVERLONG));
    }

    @Test
    void aRefusedConnectionIsNotedAndReported() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        assertThatThrownBy(() -> smtp.connect("127.0.0.1", port, TlsMode.NONE)).isInstanceOf(ConnectException.class);
        assertThat(lastNote()).startsWith("Could not connect to 127.0.0.1:" + port + ": ");
        assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.DISCONNECTED);
    }

    @Test
    void implicitTlsAgainstAPlainServerFailsClearly() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 plain text only\r\n");
            c.awaitClientClose();
        })) {
            assertThatThrownBy(() -> smtp.connect("127.0.0.1", peer.port(), TlsMode.IMPLICIT)).isInstanceOf(IOException.class);
            List<String> notes = transcript.events().stream().filter(TranscriptEvent::isNote)
                    .map(TranscriptEvent::line).toList();
            assertThat(notes.get(notes.size() - 2)).startsWith("Could not connect to 127.0.0.1:" + peer.port() + " with TLS: ");
            // then which mode to choose
            assertThat(lastNote()).isEqualTo(TlsModeHints.PLAIN_FIRST + ".");
            assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.DISCONNECTED);
        }
    }

    private String lastNote() {
        return transcript.events().stream().filter(TranscriptEvent::isNote).reduce((a, b) -> b).orElseThrow().line();
    }

    private static boolean readerThreadsAlive() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            boolean alive = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.getName().startsWith("mailbench-reader-127.0.0.1") && t.isAlive());
            if (!alive) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
