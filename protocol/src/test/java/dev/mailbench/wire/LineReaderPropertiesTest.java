package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * However the bytes arrive, the reader sees the same lines and loses or invents no byte. Inputs are drawn
 * mostly from the octets that matter to framing (CR, LF, NUL, ".", bytes of a UTF-8 sequence), and read
 * with limits small enough that lines get split.
 */
class LineReaderPropertiesTest {

    @Property(tries = 200)
    void concatenatingEveryLineGivesBackTheInput(@ForAll("wire") byte[] input, @ForAll("limits") WireLimits limits,
                                                  @ForAll("chunkSizes") List<Integer> chunks) {
        List<Line> lines = Lines.readAll(new ChunkedInputStream(input, chunks), limits);

        assertThat(Lines.concatenate(lines)).isEqualTo(input);
    }

    @Property(tries = 100)
    void theLinesAreTheSameWhereverTheInputIsSplit(@ForAll("wire") byte[] input,
                                                   @ForAll("limits") WireLimits limits) {
        List<String> whole = describe(Lines.readAll(new ByteArrayInputStream(input), limits));

        for (int at = 0; at <= input.length; at++) {
            assertThat(describe(Lines.readAll(ChunkedInputStream.splitAt(input, at), limits)))
                    .as("split at %d", at)
                    .isEqualTo(whole);
        }
        assertThat(describe(Lines.readAll(ChunkedInputStream.byteByByte(input), limits))).isEqualTo(whole);
    }

    @Property(tries = 200)
    void theLinesAreTheSameWhateverTheChunking(@ForAll("wire") byte[] input, @ForAll("limits") WireLimits limits,
                                               @ForAll("chunkSizes") List<Integer> chunks) {
        assertThat(describe(Lines.readAll(new ChunkedInputStream(input, chunks), limits)))
                .isEqualTo(describe(Lines.readAll(new ByteArrayInputStream(input), limits)));
    }

    @Property(tries = 200)
    void everyLineIsFramedAsItsFlagsSay(@ForAll("wire") byte[] input, @ForAll("limits") WireLimits limits) {
        List<Line> lines = Lines.readAll(input, limits);

        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            boolean last = i == lines.size() - 1;
            assertThat(line.rawLength()).isBetween(1, limits.holdLimit() + 2);
            assertThat(line.has(LineIssue.UNTERMINATED)).as("only the last line can be cut by the end").isEqualTo(
                    last && line.ending() == LineEnding.NONE);
            assertThat(line.has(LineIssue.SPLIT)).as("a split piece is followed by more").isEqualTo(
                    !last && line.ending() == LineEnding.NONE);
            if (!limits.lfEndsLine()) {
                assertThat(line.ending()).isNotEqualTo(LineEnding.LF);
            }
            if (line.ending() == LineEnding.CRLF) {
                assertThat(line.has(LineIssue.BARE_LF)).as("a CRLF line has no other LF").isEqualTo(
                        !limits.lfEndsLine() && indexOf(line.content(), '\n') >= 0);
            }
            assertThat(line.has(LineIssue.NUL)).isEqualTo(indexOf(line.raw(), 0) >= 0);
        }
    }

    @Provide
    Arbitrary<byte[]> wire() {
        Arbitrary<Byte> framing = Arbitraries.of((byte) '\r', (byte) '\n', (byte) 0, (byte) '.');
        Arbitrary<Byte> utf8 = Arbitraries.of((byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC);
        Arbitrary<Byte> letters = Arbitraries.bytes().between((byte) 'a', (byte) 'e');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(Tuple.of(4, framing), Tuple.of(4, letters), Tuple.of(1, utf8), Tuple.of(1, any))
                .array(byte[].class)
                .ofMaxSize(120);
    }

    @Provide
    Arbitrary<WireLimits> limits() {
        return Arbitraries.of(WireLimits.RFC, WireLimits.STRICT_CRLF,
                new WireLimits(5, 8, true), new WireLimits(3, 3, false), new WireLimits(4, 5, true));
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return Arbitraries.integers().between(1, 20).list().ofMinSize(1).ofMaxSize(8);
    }

    /** A line as data: its bytes made visible, its ending and its issues. */
    private static List<String> describe(List<Line> lines) {
        return lines.stream()
                .map(line -> Printable.of(line.raw()) + " " + HexFormat.of().formatHex(line.raw()) + " "
                        + line.ending() + " " + line.issues())
                .collect(Collectors.toList());
    }

    private static int indexOf(byte[] bytes, int value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
