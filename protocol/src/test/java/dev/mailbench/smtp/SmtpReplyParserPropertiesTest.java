package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.ArbitraryServerLines;
import dev.mailbench.wire.ChunkedInputStream;
import dev.mailbench.wire.Line;
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

/** Whatever a server sends, the parser does not throw, and a proper last line always ends the reply. */
class SmtpReplyParserPropertiesTest {

    @Property(tries = 300)
    void anyLinesThenA250LineGiveAReply(@ForAll("serverLines") List<byte[]> garbage,
                                        @ForAll("limits") WireLimits limits) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        garbage.forEach(line -> {
            wire.writeBytes(line);
            wire.writeBytes(Lines.octets("\r\n"));
        });
        wire.writeBytes(Lines.octets("250 x\r\n"));
        List<Line> lines = Lines.readAll(wire.toByteArray(), limits);
        SmtpReplyParser parser = new SmtpReplyParser();

        for (Line line : lines.subList(0, lines.size() - 1)) {
            parser.accept(line);
        }
        SmtpReply last = parser.accept(lines.get(lines.size() - 1));

        assertThat(last).isNotNull();
        assertThat(last.lines()).last().isEqualTo("x");
        assertThat(parser.inProgress()).isFalse();
    }

    @Property(tries = 100)
    void theRepliesDoNotDependOnHowTheBytesArrive(@ForAll("serverLines") List<byte[]> serverLines,
                                                 @ForAll("limits") WireLimits limits,
                                                 @ForAll("chunkSizes") List<Integer> chunks) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        serverLines.forEach(line -> {
            wire.writeBytes(line);
            wire.writeBytes(Lines.octets("\r\n"));
        });
        byte[] bytes = wire.toByteArray();

        assertThat(SmtpReplyParserTest.replies(new ChunkedInputStream(bytes, chunks), limits))
                .isEqualTo(SmtpReplyParserTest.replies(new ByteArrayInputStream(bytes), limits));
    }

    /** Lines that start like reply lines, or not, followed by anything, CR and LF included. */
    @Provide
    Arbitrary<List<byte[]>> serverLines() {
        Arbitrary<String> starts = Arbitraries.of("250-", "250 ", "250", "251-", "354 ", "2", "", "699-", "100 ",
                "250OK", "250 2.1.5 ", "550 2.1.5 ", ".");
        return ArbitraryServerLines.startingWith(starts,
                Arbitraries.of((byte) ' ', (byte) '-', (byte) '2', (byte) '5', (byte) '0'));
    }

    @Provide
    Arbitrary<WireLimits> limits() {
        return ArbitraryServerLines.limits();
    }

    @Provide
    Arbitrary<List<Integer>> chunkSizes() {
        return ArbitraryServerLines.chunkSizes();
    }
}
