package dev.mailbench.pop3;

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

/**
 * Whatever a POP3 server sends, the parser does not throw; a status line ends a single-line response, the
 * lone "." a multi-line one; and the responses do not depend on how the bytes arrive.
 */
class Pop3ReplyParserPropertiesTest {

    @Property(tries = 300)
    void anyLinesThenAnOkLineGiveAResponse(@ForAll("serverLines") List<byte[]> garbage,
                                          @ForAll("limits") WireLimits limits) {
        Pop3ReplyParser parser = new Pop3ReplyParser();
        // Whatever came before, a body that is still open is ended by the terminator.
        List<Line> lines = Lines.readAll(wire(garbage, "\r\n.\r\n+OK last\r\n"), limits);

        Pop3Reply last = null;
        for (Line line : lines) {
            Pop3Reply reply = parser.accept(line, false);
            if (reply != null) {
                last = reply;
            }
        }

        assertThat(last).isNotNull();
        assertThat(last.status()).isEqualTo(Pop3Reply.Status.OK);
        assertThat(last.text()).isEqualTo("last");
        assertThat(parser.inProgress()).isFalse();
    }

    @Property(tries = 300)
    void aMultiLineResponseEndsAtTheLoneDotWhateverItHolds(@ForAll("serverLines") List<byte[]> body,
                                                          @ForAll("limits") WireLimits limits) {
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream();
        stuffed.writeBytes(Lines.octets("+OK here it comes\r\n"));
        for (byte[] line : body) {
            // RFC 1939 §3: a line starting with "." is byte-stuffed; CR and LF only as the line ending.
            byte[] clean = Lines.octets(new String(line, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .replace("\r", "").replace("\n", ""));
            if (clean.length > 0 && clean[0] == '.') {
                stuffed.write('.');
            }
            stuffed.writeBytes(clean);
            stuffed.writeBytes(Lines.octets("\r\n"));
        }
        stuffed.writeBytes(Lines.octets(".\r\n"));

        List<Pop3Reply> replies = Pop3ReplyParserTest.responses(new ByteArrayInputStream(stuffed.toByteArray()), limits, true);

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).status()).isEqualTo(Pop3Reply.Status.OK);
    }

    @Property(tries = 100)
    void theResponsesDoNotDependOnHowTheBytesArrive(@ForAll("serverLines") List<byte[]> serverLines,
                                                   @ForAll("limits") WireLimits limits,
                                                   @ForAll("chunkSizes") List<Integer> chunks,
                                                   @ForAll boolean multiLine) {
        byte[] bytes = wire(serverLines, "");

        assertThat(Pop3ReplyParserTest.describe(Pop3ReplyParserTest.responses(new ChunkedInputStream(bytes, chunks), limits, multiLine)))
                .isEqualTo(Pop3ReplyParserTest.describe(Pop3ReplyParserTest.responses(new ByteArrayInputStream(bytes), limits, multiLine)));
    }

    private static byte[] wire(List<byte[]> lines, String end) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        lines.forEach(line -> {
            wire.writeBytes(line);
            wire.writeBytes(Lines.octets("\r\n"));
        });
        wire.writeBytes(Lines.octets(end));
        return wire.toByteArray();
    }

    /** Lines that start like POP3 responses, or not, followed by anything, CR, LF and NUL included. */
    @Provide
    Arbitrary<List<byte[]>> serverLines() {
        Arbitrary<String> starts = Arbitraries.of("+OK", "+OK ", "-ERR ", "-ERR [IN-USE] ", "+ ", "+", ".", "..", "",
                "+ok", "-err", "OK", "+OK [", "1 120");
        return ArbitraryServerLines.startingWith(starts,
                Arbitraries.of((byte) ' ', (byte) '.', (byte) '[', (byte) ']', (byte) '+'));
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
