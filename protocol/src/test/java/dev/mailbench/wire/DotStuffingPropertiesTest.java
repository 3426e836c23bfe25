package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Whatever the message, dot-stuffing leaves exactly one end-of-data line, the last one. */
class DotStuffingPropertiesTest {

    @Property(tries = 300)
    void aStrictReaderSeesTheEndOfDataOnceAndOnlyAtTheEnd(@ForAll("messages") byte[] message) {
        byte[] wire = DotStuffing.encode(message);

        // What a server reading DATA sees (RFC 5321 §4.1.1.4: only CRLF.CRLF ends the message).
        List<Line> lines = Lines.readAll(wire, WireLimits.STRICT_CRLF);

        assertThat(lines.get(lines.size() - 1).isTerminator()).isTrue();
        assertThat(lines.subList(0, lines.size() - 1)).noneMatch(Line::isTerminator);
        assertThat(lines).allMatch(line -> line.ending() == LineEnding.CRLF);
    }

    @Provide
    Arbitrary<byte[]> messages() {
        return Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of((byte) '\r', (byte) '\n', (byte) '.')),
                        Tuple.of(2, Arbitraries.bytes().between((byte) 'a', (byte) 'c')),
                        Tuple.of(1, Arbitraries.bytes()))
                .array(byte[].class)
                .ofMaxSize(80);
    }
}
