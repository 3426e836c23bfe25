package dev.mailbench.wire;

import static dev.mailbench.wire.Lines.octets;
import static dev.mailbench.wire.TranscriptAssert.assertTranscript;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client connection and the server end of the same loopback socket, both seen as lines. */
class WireConnectionTest {
    private final Transcript clientTranscript = new Transcript();
    private final Transcript serverTranscript = new Transcript();
    private ServerSocket listener;
    private Socket serverSocket;
    private WireConnection client;
    private WireConnection server;

    @BeforeEach
    void connect() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        client = WireConnection.connect("127.0.0.1", listener.getLocalPort(), Duration.ofSeconds(5),
                clientTranscript, WireLimits.RFC);
        serverSocket = listener.accept();
        server = WireConnection.server(serverSocket, serverTranscript, WireLimits.STRICT_CRLF, false);
        // A safety net so that a broken test fails instead of hanging; no test waits for it.
        client.setReadTimeout(Duration.ofSeconds(10));
        server.setReadTimeout(Duration.ofSeconds(10));
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        listener.close();
    }

    @Test
    void connectingIsNotedOnBothSides() {
        assertTranscript(clientTranscript,
                "*  Connecting to 127.0.0.1:" + listener.getLocalPort() + " …",
                "*  Connected to 127.0.0.1:" + listener.getLocalPort() + " from 127.0.0.1:* in * ms");
        assertTranscript(serverTranscript, "*  Connection from /127.0.0.1:* to /127.0.0.1:" + listener.getLocalPort());
    }

    @Test
    void sendLineRefusesCrOrLfInsideTheLine() throws IOException {
        // RFC 5321 §2.3.8: CR and LF appear only together, as the line ending; anything else smuggles a command.
        assertThatThrownBy(() -> client.sendLine("MAIL FROM:<a@b>\r\nRCPT TO:<victim@c>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAIL FROM:<a@b>␍␊RCPT");
        assertThatThrownBy(() -> client.sendLine("NOOP\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sendLine("NO\rOP")).isInstanceOf(IllegalArgumentException.class);

        client.sendLine("NOOP");

        assertThat(server.readLine().raw()).as("nothing was sent before NOOP").isEqualTo(octets("NOOP\r\n"));
        assertThat(TranscriptAssert.wireLines(clientTranscript)).containsExactly("C: NOOP");
    }

    @Test
    void sendRecordsEachLineWithItsExactBytes() throws IOException {
        Annotation explanation = Annotation.of("two commands and a half");

        client.send(octets("EHLO client.test\r\nMAIL FROM:<a@b>\nRCPT"), explanation);

        List<TranscriptEvent> sent = clientTranscript.events().stream().filter(e -> !e.isNote()).toList();
        assertThat(sent).extracting(TranscriptEvent::direction).containsOnly(Direction.CLIENT);
        assertThat(sent).extracting(TranscriptEvent::bytes).containsExactly(
                octets("EHLO client.test\r\n"), octets("MAIL FROM:<a@b>\n"), octets("RCPT"));
        assertThat(sent.get(0).issues()).isEmpty();
        assertThat(sent.get(1).issues()).containsExactly(LineIssue.BARE_LF);
        assertThat(sent.get(2).issues()).as("a deliberate half line is not 'unterminated'").isEmpty();
        assertThat(sent).extracting(TranscriptEvent::annotation).containsExactly(explanation, null, null);
        assertThat(sent).allMatch(event -> !event.tls());

        // The strict server sees the bare LF as part of one line, exactly as sent.
        assertThat(server.readLine().raw()).isEqualTo(octets("EHLO client.test\r\n"));
        client.sendLine(" TO:<c@d>");
        Line smuggled = server.readLine();
        assertThat(smuggled.raw()).isEqualTo(octets("MAIL FROM:<a@b>\nRCPT TO:<c@d>\r\n"));
        assertThat(smuggled.issues()).containsExactly(LineIssue.BARE_LF);
    }

    @Test
    void readLineRecordsServerLinesWithTheirLatency() throws IOException {
        server.sendLine("220 mail.example.test ESMTP");
        Line greeting = client.readLine();
        client.sendLine("EHLO client.test");
        server.readLine();
        server.send(octets("250-mail.example.test\r\n250 PIPELINING\r\n"), null);
        client.readLine();
        client.readLine();

        assertThat(greeting.text()).isEqualTo("220 mail.example.test ESMTP");
        assertTranscript(clientTranscript,
                "*  Connecting to *",
                "*  Connected to *",
                "S: 220 mail.example.test ESMTP",
                "C: EHLO client.test",
                "S: 250-mail.example.test",
                "S: 250 PIPELINING");
        List<TranscriptEvent> events = clientTranscript.events();
        // no command before the greeting: its latency counts from the connection's establishment
        assertThat(events.get(2).latency()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO));
        assertThat(events.get(4).latency()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO));
        assertThat(events.get(5).latency().orElseThrow()).isGreaterThanOrEqualTo(events.get(4).latency().orElseThrow());
        assertThat(events).extracting(TranscriptEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(events.get(4).bytes()).isEqualTo(octets("250-mail.example.test\r\n"));
    }

    @Test
    void theSessionCanExplainIncomingLinesAsTheyAreRecorded() throws IOException {
        client.setIncomingAnnotator(line -> line.text().startsWith("334 ") ? Annotation.of("a challenge") : null);
        server.send(octets("334 VXNlcm5hbWU6\r\n235 ok\r\n"), null);

        client.readLine();
        client.readLine();

        List<TranscriptEvent> received = clientTranscript.events().stream().filter(e -> !e.isNote()).toList();
        assertThat(received.get(0).decoded()).contains(Annotation.of("a challenge"));
        assertThat(received.get(1).decoded()).isEmpty();
    }

    @Test
    void whenThePeerClosesTheConnectionItIsNotedAndReadingFails() throws IOException {
        server.sendLine("221 Bye");
        serverSocket.close();

        assertThat(client.readLine().text()).isEqualTo("221 Bye");
        assertThatThrownBy(client::readLine)
                .isInstanceOf(ConnectionClosedException.class)
                .hasMessage("connection closed by the server");
        assertThat(client.isOpen()).isFalse();
        assertThatThrownBy(() -> client.sendLine("QUIT")).isInstanceOf(ConnectionClosedException.class);
        assertTranscript(clientTranscript,
                "*  Connecting to *",
                "*  Connected to *",
                "S: 221 Bye",
                "*  Connection closed by the server");
    }

    @Test
    void aLineCutShortByTheCloseIsDeliveredThenTheCloseIsNoted() throws IOException {
        OutputStream raw = serverSocket.getOutputStream();
        raw.write(octets("421 shutting dow"));
        raw.flush();
        serverSocket.close();

        Line cut = client.readLine();

        assertThat(cut.issues()).containsExactly(LineIssue.UNTERMINATED);
        assertThat(client.isOpen()).isFalse();
        assertTranscript(clientTranscript,
                "*  Connecting to *",
                "*  Connected to *",
                "S: 421 shutting dow",
                "*  Connection closed by the server");
        assertThat(clientTranscript.events().get(2).issues()).containsExactly(LineIssue.UNTERMINATED);
    }

    @Test
    void aReadTimeoutLeavesTheConnectionUsableAndLosesNoByte() throws IOException {
        OutputStream raw = serverSocket.getOutputStream();
        raw.write(octets("250 half a li"));
        raw.flush();
        client.setReadTimeout(Duration.ofMillis(200));

        assertThatThrownBy(client::readLine)
                .isInstanceOfSatisfying(ReplyTimeoutException.class,
                        e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(200)))
                .hasMessage("no reply within 200 ms");
        assertThat(client.isOpen()).isTrue();

        raw.write(octets("ne\r\n"));
        raw.flush();
        Line line = client.readLine();

        assertThat(line.raw()).isEqualTo(octets("250 half a line\r\n"));
        assertThat(TranscriptAssert.wireLines(clientTranscript)).containsExactly("S: 250 half a line");
        client.sendLine("QUIT");
        assertThat(server.readLine().text()).isEqualTo("QUIT");
    }

    @Test
    void aLineTimeoutEndsALineThatTricklesInEvenIfEachByteComesInTime() throws Exception {
        OutputStream raw = serverSocket.getOutputStream();
        // a byte every 150 ms, for 15 s: far within the read timeout each, far beyond the line timeout in all
        byte[] line = octets("250 " + "slowly ".repeat(14));
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setLineTimeout(Duration.ofMillis(600));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        Thread trickler = new Thread(() -> {
            try {
                for (byte b : line) {
                    Thread.sleep(150);
                    if (stop.get()) {
                        return;
                    }
                    raw.write(b);
                    raw.flush();
                    sent.incrementAndGet();
                }
            } catch (IOException | InterruptedException e) {
                // the test has ended
            }
        });
        trickler.start();

        assertThatThrownBy(client::readLine)
                .isInstanceOfSatisfying(ReplyTimeoutException.class,
                        e -> assertThat(e.timeout()).isEqualTo(Duration.ofMillis(600)));
        stop.set(true);
        trickler.join();
        assertThat(sent.get()).as("the line timeout came before the trickle's end").isLessThan(line.length);
        assertThat(client.isOpen()).isTrue();

        // The bytes that came are kept, and the next line gets a whole line timeout of its own.
        raw.write(octets("\r\n"));
        raw.flush();
        assertThat(client.readLine().raw()).isEqualTo(octets(new String(line, 0, sent.get(), StandardCharsets.ISO_8859_1) + "\r\n"));
    }

    @Test
    void closingIsNotedOnceAndTheServerSeesTheEnd() throws IOException {
        client.close();
        client.close();

        assertThat(client.isOpen()).isFalse();
        assertThat(clientTranscript.toPlainText()).containsOnlyOnce("Connection closed by the client");
        assertThatThrownBy(server::readLine)
                .isInstanceOf(ConnectionClosedException.class)
                .hasMessage("connection closed by the client");
        assertThat(serverTranscript.events().get(serverTranscript.size() - 1).line())
                .isEqualTo("Connection closed by the client");
    }
}
