package dev.mailbench.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** What the servers' property tests send: dialogues of command lines, and the TCP segments they are cut into. */
public final class ArbitraryDialogues {

    private ArbitraryDialogues() {
    }

    /**
     * Up to {@code maxLines} command lines, mostly {@code steady} ones and now and then an {@code odd} one,
     * each ended by CRLF, then {@code QUIT}: one dialogue as the bytes a client sends.
     */
    public static Arbitrary<byte[]> endingInQuit(List<String> steady, List<String> odd, int maxLines) {
        Arbitrary<String> line = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(steady)),
                Tuple.of(1, Arbitraries.of(odd)));
        return line.list().ofMaxSize(maxLines).map(lines -> {
            lines.add("QUIT");
            return concatenate(lines.stream().map(l -> (l + "\r\n").getBytes(StandardCharsets.UTF_8)).toList());
        });
    }

    /**
     * Anything a client might send, up to 25 pieces in any order: mostly {@code commands} (each ended by
     * CRLF), random octets, the {@code specials} (bare CR and LF, NUL, 0xFF, lone dots; ISO-8859-1), the
     * {@code invalidUtf8} sequences, and lines of {@code overlongVerb} with {@code overlongFrom} to 70,000
     * octets of argument.
     */
    public static Arbitrary<byte[]> anyBytes(List<String> commands, List<String> specials, List<byte[]> invalidUtf8,
                                             String overlongVerb, int overlongFrom) {
        Arbitrary<byte[]> command = Arbitraries.of(commands).map(c -> (c + "\r\n").getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> octets = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> special = Arbitraries.of(specials).map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
        Arbitrary<byte[]> invalid = Arbitraries.of(invalidUtf8);
        Arbitrary<byte[]> overlong = Arbitraries.integers().between(overlongFrom, 70_000)
                .map(n -> (overlongVerb + " " + "x".repeat(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                Tuple.of(8, command), Tuple.of(3, octets), Tuple.of(3, special), Tuple.of(1, invalid),
                Tuple.of(1, overlong));
        return piece.list().ofMaxSize(25).map(ArbitraryDialogues::concatenate);
    }

    /** The pieces one after another. */
    public static byte[] concatenate(List<byte[]> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Sizes to cut a byte stream into, used in turn and over again until the stream is sent. */
    public static Arbitrary<List<Integer>> segmentSizes() {
        return Arbitraries.integers().between(1, 300).list().ofMinSize(1).ofMaxSize(8);
    }

    public static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
