package dev.mailbench.wire;

import java.io.ByteArrayOutputStream;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** What the client reply parsers' property tests feed them: lines a server might send, and how they arrive. */
public final class ArbitraryServerLines {

    private ArbitraryServerLines() {
    }

    /**
     * Up to eight lines, each one of {@code starts} followed by up to 30 octets: mostly letters and the
     * protocol's own {@code punctuation}, some CR, LF, NUL and non-ASCII, and any octet at all.
     */
    public static Arbitrary<List<byte[]>> startingWith(Arbitrary<String> starts, Arbitrary<Byte> punctuation) {
        Arbitrary<Byte> octet = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.bytes().between((byte) 'a', (byte) 'e')),
                Tuple.of(2, punctuation),
                Tuple.of(1, Arbitraries.of((byte) '\r', (byte) '\n', (byte) 0, (byte) 0xE9)),
                Tuple.of(1, Arbitraries.bytes()));
        Arbitrary<byte[]> rest = octet.array(byte[].class).ofMaxSize(30);
        Arbitrary<byte[]> line = Combinators.combine(starts, rest).as((start, tail) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(Lines.octets(start));
            out.writeBytes(tail);
            return out.toByteArray();
        });
        return line.list().ofMaxSize(8);
    }

    /** The RFC's line limits and two tiny ones, so that lines are split and flagged over-long. */
    public static Arbitrary<WireLimits> limits() {
        return Arbitraries.of(WireLimits.RFC, new WireLimits(5, 8, true), new WireLimits(3, 3, true));
    }

    /** The sizes of the pieces the bytes arrive in. */
    public static Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.integers().between(1, 12).list().ofMinSize(1).ofMaxSize(6);
    }
}
