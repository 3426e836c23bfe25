package dev.mailbench.server.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.pop3.Pop3ReplyParser;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.DotStuffing;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineReader;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import dev.mailbench.wire.WireConnection;
import dev.mailbench.wire.WireLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Streaming a stored message as a multi-line POP3 response, over a real loopback connection. */
class MessageBodyWriterTest {

    /** What one RETR or TOP put on the wire, and the server transcript of it. */
    record Sent(byte[] wire, Transcript transcript) {
    }

    interface Writing {
        void write(MessageBodyWriter writer, InputStream message) throws IOException;
    }

    static Sent send(byte[] message, long recordedOctets, Writing how) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
             Socket accepted = listener.accept()) {
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            Transcript transcript = new Transcript();
            WireConnection wire = WireConnection.server(accepted, transcript, WireLimits.RFC, false);
            how.write(new MessageBodyWriter(wire, recordedOctets), new ByteArrayInputStream(message));
            wire.close();
            return new Sent(received.get(30, TimeUnit.SECONDS), transcript);
        }
    }

    static Sent retr(byte[] message) throws Exception {
        return send(message, Long.MAX_VALUE, MessageBodyWriter::writeMessage);
    }

    /** The body as Mailbench's client reads it back: lines (a bare LF ends one), transparency dots removed. */
    static byte[] readBack(byte[] wire) throws IOException {
        byte[] response = concat("+OK\r\n".getBytes(StandardCharsets.US_ASCII), wire);
        LineReader lines = new LineReader(new ByteArrayInputStream(response), WireLimits.RFC);
        Pop3ReplyParser parser = new Pop3ReplyParser();
        for (Line line; (line = lines.readLine()) != null; ) {
            Pop3Reply reply = parser.accept(line, true);
            if (reply != null) {
                assertThat(lines.readLine()).as("nothing after the end line").isNull();
                return reply.content();
            }
        }
        throw new AssertionError("no end line in " + new String(wire, StandardCharsets.ISO_8859_1));
    }

    /** The body as Jakarta Mail's POP3 Protocol reads it: after any LF, "." CR ends, "." anything else is dropped. */
    static byte[] readBackLikeJakartaMail(byte[] wire) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int last = '\n';
        for (int i = 0; i < wire.length; i++) {
            int b = wire[i] & 0xFF;
            if (last == '\n' && b == '.') {
                b = wire[++i] & 0xFF;
                if (b == '\r') {
                    assertThat(i + 2).as("nothing after the end line").isEqualTo(wire.length);
                    return out.toByteArray();
                }
            }
            out.write(b);
            last = b;
        }
        throw new AssertionError("no end line");
    }

    static byte[] withFinalCrlf(byte[] message) {
        boolean endsWithCrlf = message.length >= 2 && message[message.length - 2] == '\r' && message[message.length - 1] == '\n';
        return message.length == 0 || endsWithCrlf ? message : concat(message, new byte[] {'\r', '\n'});
    }

    @Property(tries = 200)
    void crlfTextIsStuffedExactlyAsDotStuffingDoes(@ForAll("crlfMessages") byte[] message) throws Exception {
        assertThat(retr(message).wire()).isEqualTo(DotStuffing.encode(message));
    }

    @Property(tries = 300)
    void anyBytesComeBackAsStoredWithAFinalCrlf(@ForAll("anyMessages") byte[] message) throws Exception {
        byte[] wire = retr(message).wire();

        assertThat(readBack(wire)).isEqualTo(withFinalCrlf(message));
        assertThat(readBackLikeJakartaMail(wire)).isEqualTo(withFinalCrlf(message));
    }

    @Provide
    Arbitrary<byte[]> crlfMessages() {
        Arbitrary<String> line = Arbitraries.strings().withChars(".ab ü\t").ofMaxLength(12);
        return line.list().ofMaxSize(12)
                .map(lines -> String.join("", lines.stream().map(l -> l + "\r\n").toList()).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> anyMessages() {
        return Arbitraries.of((byte) '.', (byte) '\r', (byte) '\n', (byte) 'x', (byte) 0, (byte) 0xC3)
                .list().ofMaxSize(40).map(MessageBodyWriterTest::bytes);
    }

    @Test
    void topStopsAfterTheRequestedBodyLinesWhateverEndsTheHeader() throws Exception {
        byte[] crlf = "A: 1\r\nB: 2\r\n\r\none\r\n.two\r\nthree\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bareLf = "A: 1\nB: 2\n\none\n.two\nthree\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(readBack(top(crlf, 0))).asString().isEqualTo("A: 1\r\nB: 2\r\n\r\n");
        assertThat(readBack(top(crlf, 2))).asString().isEqualTo("A: 1\r\nB: 2\r\n\r\none\r\n.two\r\n");
        assertThat(readBack(top(crlf, 9))).isEqualTo(crlf);
        assertThat(readBack(top(bareLf, 1))).asString().isEqualTo("A: 1\nB: 2\n\none\n\r\n");
        assertThat(readBack(top("no header end".getBytes(StandardCharsets.US_ASCII), 0))).asString()
                .isEqualTo("no header end\r\n");
    }

    private static byte[] top(byte[] message, int lines) throws Exception {
        return send(message, Long.MAX_VALUE, (writer, in) -> writer.writeTop(in, lines)).wire();
    }

    @Test
    void anEmptyMessageIsJustTheEndLine() throws Exception {
        assertThat(retr(new byte[0]).wire()).asString().isEqualTo(".\r\n");
    }

    @Test
    void longLinesAndLargeMessagesAreStreamedWhole() throws Exception {
        byte[] oneLongLine = concat(".".repeat(300_000).getBytes(StandardCharsets.US_ASCII), "\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] manyLines = ".x\r\n".repeat(200_000).getBytes(StandardCharsets.US_ASCII);

        assertThat(readBack(retr(oneLongLine).wire())).isEqualTo(oneLongLine);
        assertThat(retr(manyLines).wire()).isEqualTo(DotStuffing.encode(manyLines));
    }

    @Test
    void theTranscriptKeepsTheBeginningAndSaysWhatItLeftOut() throws Exception {
        byte[] message = "line of text\r\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII);

        Sent sent = send(message, 64 * 1024, MessageBodyWriter::writeMessage);

        List<TranscriptEvent> events = sent.transcript().events();
        long recorded = events.stream().filter(e -> e.direction() == Direction.SERVER && !e.line().equals("."))
                .mapToLong(e -> e.bytes().length).sum();
        assertThat(recorded).isPositive().isLessThanOrEqualTo(64 * 1024);
        assertThat(events).anySatisfy(e -> assertThat(e.line())
                .isEqualTo("… " + (message.length - recorded) + " more octets of the message were sent without being"
                        + " recorded here, to keep the transcript small (" + recorded + " octets shown above)"));
        assertThat(events.get(events.size() - 2).line()).isEqualTo(".");
        assertThat(sent.wire()).isEqualTo(DotStuffing.encode(message));
    }

    private static byte[] bytes(List<Byte> list) {
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
