package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.ScriptedPeer;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.TlsModeHints;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import dev.mailbench.wire.WrongTlsModeException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How long connecting and greeting took, and a connection in the wrong TLS mode said at once rather than after
 * the reply timeout.
 */
class ConnectionTimingTest {
    /** A TLS 1.2 alert record: fatal (2), unexpected_message (10), RFC 8446 §6. */
    private static final byte[] TLS_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a};
    /** The start of a ServerHello record: handshake (22), TLS 1.2, then a length. */
    private static final byte[] SERVER_HELLO_START = {0x16, 0x03, 0x03, 0x00, 0x31, 0x02, 0x00, 0x00, 0x2d, 0x03, 0x03};

    private final Transcript transcript = new Transcript();
    private final EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, Catalogue.english());
    /** Long, so that a test that passes did not pass by waiting it out. */
    private final SmtpClientSession smtp = new SmtpClientSession(transcript,
            ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(30)));

    ConnectionTimingTest() {
        transcript.addListener(explainer);
    }

    @Test
    void aSlowGreetingCarriesItsLatencyFromTheConnectionsEstablishment() throws Exception {
        Duration wait = Duration.ofMillis(400);
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            Thread.sleep(wait.toMillis());
            c.send("220 slow.example.test ESMTP\r\n");
            c.awaitClientClose();
        })) {
            smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE);
            List<TranscriptEvent> events = transcript.events();
            TranscriptEvent connected = events.stream()
                    .filter(e -> e.isNote() && e.line().startsWith("Connected to ")).findFirst().orElseThrow();
            assertThat(connected.line()).matches("Connected to .* in \\d+(\\.\\d)? m?s");
            TranscriptEvent greeting = events.stream().filter(e -> e.direction() == Direction.SERVER).findFirst()
                    .orElseThrow();
            assertThat(greeting.sequence()).isGreaterThan(connected.sequence());
            // The server's wait starts when it accepts, a moment before the client notes the connection: the
            // latency is of the wait's order, not above it to the millisecond.
            assertThat(greeting.latency()).hasValueSatisfying(latency -> assertThat(latency)
                    .isGreaterThanOrEqualTo(wait.dividedBy(2)));
            assertThat(explainer.explain(greeting.sequence()).fields())
                    .anySatisfy(field -> assertThat(field.label()).containsIgnoringCase("latency"));
            smtp.abort();
        }
    }

    @Test
    void aTlsAlertOnAPlainConnectionSaysAtOnceToChooseImplicitTls() throws Exception {
        assertTlsRecordIsRecognised(TLS_ALERT);
    }

    @Test
    void aServerHelloOnAPlainConnectionSaysAtOnceToChooseImplicitTls() throws Exception {
        assertTlsRecordIsRecognised(SERVER_HELLO_START);
    }

    private void assertTlsRecordIsRecognised(byte[] record) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.sendBytes(record);
            release.await(30, TimeUnit.SECONDS); // holds the connection open: only the bytes can tell
        })) {
            assertThatThrownBy(() -> smtp.connect("127.0.0.1", peer.port(), TlsMode.NONE))
                    .isInstanceOf(WrongTlsModeException.class)
                    .isNotInstanceOf(ReplyTimeoutException.class)
                    .hasMessageContaining("choose implicit TLS");
            release.countDown();
        }
        TranscriptEvent note = noteStartingWith(TlsModeHints.TLS_FROM_START);
        assertThat(transcript.events()).anySatisfy(e -> {
            assertThat(e.direction()).isEqualTo(Direction.SERVER);
            assertThat(e.bytes()).isEqualTo(record);
        });
        assertThat(explainer.explain(note.sequence()).sentences().get(0))
                .contains("TLS record").contains("implicit TLS");
        assertThat(smtp.isConnected()).isFalse();
    }

    @Test
    void implicitTlsAgainstAPlainServerSaysToChooseStartTlsOrPlain() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(c -> {
            c.send("220 plain.example.test ESMTP\r\n");
            c.awaitClientClose();
        })) {
            assertThatThrownBy(() -> smtp.connect("127.0.0.1", peer.port(), TlsMode.IMPLICIT))
                    .isInstanceOf(WrongTlsModeException.class)
                    .hasMessageContaining("choose STARTTLS");
        }
        TranscriptEvent note = noteStartingWith(TlsModeHints.PLAIN_FIRST);
        assertThat(explainer.explain(note.sequence()).sentences().get(0)).contains("plain text")
                .contains("STARTTLS");
    }

    @Test
    void aSilentImplicitTlsPortGetsANoteWhileTheWaitGoesOn() throws Exception {
        ServerSocket smtps = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int port = smtps.getLocalPort();
        // the port stands for 465: a test binds port 0, and the client is told it is an implicit-TLS port
        SmtpClientSession patient = new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer())
                .withReplyTimeout(Duration.ofSeconds(5)).withImplicitTlsPorts(Set.of(port)));
        try (smtps) {
            Thread accept = new Thread(() -> {
                try (Socket silent = smtps.accept()) {
                    silent.getInputStream().read(); // says nothing, like an SMTPS server awaiting a ClientHello
                } catch (IOException e) {
                    // the client went away
                }
            });
            accept.setDaemon(true);
            accept.start();
            assertThatThrownBy(() -> patient.connect("127.0.0.1", port, TlsMode.NONE))
                    .isInstanceOf(ReplyTimeoutException.class);
        } finally {
            patient.abort();
        }
        TranscriptEvent hint = noteStartingWith(TlsModeHints.SILENT_TLS_PORT);
        TranscriptEvent timeout = noteStartingWith("No reply within");
        assertThat(hint.sequence()).isLessThan(timeout.sequence());
        assertThat(explainer.explain(hint.sequence()).sentences().get(0)).contains("implicit TLS");
    }

    private TranscriptEvent noteStartingWith(String start) {
        return transcript.events().stream().filter(e -> e.isNote() && e.line().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no note starting '" + start + "' in\n" + transcript.toPlainText()));
    }
}
