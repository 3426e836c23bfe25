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
