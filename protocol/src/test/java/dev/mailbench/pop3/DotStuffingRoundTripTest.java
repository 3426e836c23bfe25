package dev.mailbench.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mailbench.wire.ChunkedInputStream;
import dev.mailbench.wire.DotStuffing;
import dev.mailbench.wire.Lines;
import dev.mailbench.wire.WireLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A message dot-stuffed by the sender comes out of the POP3 reader byte for byte as it went in, however the
 * bytes arrive and however long its lines are (RFC 1939 §3).
 */
class DotStuffingRoundTripTest {

    @Property(tries = 300)
    void crlfTextSurvivesStuffingAndUnstuffing(@ForAll("crlfText") byte[] message,
                                               @ForAll("limits") WireLimits limits,
                                               @ForAll("chunkSizes") List<Integer> chunks) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(Lines.octets("+OK message follows\r\n"));
        wire.writeBytes(DotStuffing.encode(message));

        List<Pop3Reply> replies = Pop3ReplyParserTest.responses(
                new ChunkedInputStream(wire.toByteArray(), chunks), limits, true);

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).content()).isEqualTo(withFinalCrlf(message));
        assertThat(replies.get(0).issues()).isEmpty();
    }

    @Property(tries = 300)
    void anyBytesAtAllNeverMakeTheParserThrow(@ForAll("anyBytes") byte[] wire, @ForAll boolean multiLine,
                                              @ForAll("limits") WireLimits limits) {
        assertThatCode(() -> Pop3ReplyParserTest.responses(new ByteArrayInputStream(wire), limits, multiLine))
                .doesNotThrowAnyException();
    }

    /** Lines of any octets but LF, each ended by CRLF; the last one maybe not. CRs may appear anywhere. */
    @Provide
    Arbitrary<byte[]> crlfText() {
        Arbitrary<Byte> octet = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of((byte) '.', (byte) '\r')),
                Tuple.of(3, Arbitraries.bytes().between((byte) 'a', (byte) 'c')),
                Tuple.of(1, Arbitraries.bytes().filter(b -> b != '\n')));
        Arbitrary<byte[]> line = octet.array(byte[].class).ofMaxSize(24);
        return line.list().ofMaxSize(6).flatMap(lines -> Arbitraries.of(true, false).map(endsWithCrlf -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = 0; i < lines.size(); i++) {
                out.writeBytes(lines.get(i));
                if (i < lines.size() - 1 || endsWithCrlf) {
                    out.writeBytes(Lines.octets("\r\n"));
                }
            }
            return out.toByteArray();
        }));
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of((byte) '.', (byte) '\r', (byte) '\n', (byte) '+', (byte) '-')),
                        Tuple.of(2, Arbitraries.of((byte) 'O', (byte) 'K', (byte) 'E', (byte) 'R', (byte) '[',
                                (byte) ']', (byte) '/', (byte) ' ')),
                        Tuple.of(1, Arbitraries.bytes()))
                .array(byte[].class)
                .ofMaxSize(100);
    }

    @Provide
    Arbitrary<WireLimits> limits() {
        return Arbitraries.of(WireLimits.RFC, new WireLimits(5, 8, true), new WireLimits(3, 3, true));
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.integers().between(1, 16).list().ofMinSize(1).ofMaxSize(6);
    }

    /** DATA and RETR always end the text with CRLF before the dot line; a message without one gains it. */
    private static byte[] withFinalCrlf(byte[] message) {
        int n = message.length;
        boolean endsWithCrlf = n >= 2 && message[n - 2] == '\r' && message[n - 1] == '\n';
        if (n == 0 || endsWithCrlf) {
            return message;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(message);
        out.writeBytes(Lines.octets("\r\n"));
        return out.toByteArray();
    }
}
