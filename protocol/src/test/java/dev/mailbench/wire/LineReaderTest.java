package dev.mailbench.wire;

import static dev.mailbench.wire.Lines.octets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {
    /** Small limits, so that long and split lines stay short in a test. */
    private static final WireLimits TINY = new WireLimits(10, 16, true);

    @Test
    void readsCrlfLinesKeepingEveryByte() throws IOException {
        LineReader reader = reader("220 mail.example.test ready\r\n250 OK\r\n");

        Line greeting = reader.readLine();
        assertThat(greeting.text()).isEqualTo("220 mail.example.test ready");
        assertThat(greeting.raw()).isEqualTo(octets("220 mail.example.test ready\r\n"));
        assertThat(greeting.ending()).isEqualTo(LineEnding.CRLF);
        assertThat(greeting.issues()).isEmpty();
        assertThat(reader.readLine().text()).isEqualTo("250 OK");
        assertThat(reader.readLine()).as("end of stream").isNull();
    }

    @Test
    void anEmptyLineIsALineAndAnEmptyStreamHasNone() throws IOException {
        Line empty = reader("\r\n").readLine();
        assertThat(empty.text()).isEmpty();
        assertThat(empty.raw()).isEqualTo(octets("\r\n"));
        assertThat(empty.issues()).isEmpty();

        assertThat(reader("").readLine()).isNull();
    }

    @Test
    void aBareLfEndsALineForAClientButIsFlagged() throws IOException {
        List<Line> lines = Lines.readAll(octets("250-first\n250 second\r\n"), WireLimits.RFC);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).raw()).isEqualTo(octets("250-first\n"));
        assertThat(lines.get(0).ending()).isEqualTo(LineEnding.LF);
        assertThat(lines.get(0).issues()).containsExactly(LineIssue.BARE_LF);
        assertThat(lines.get(1).issues()).isEmpty();
    }

    @Test
    void aBareLfDoesNotEndALineForAStrictReader() throws IOException {
        // RFC 5321 §4.1.1.4: only CRLF.CRLF ends DATA, so "\n.\n" must not look like the end (SMTP smuggling).
        List<Line> lines = Lines.readAll(octets("text\n.\nMAIL FROM:<x@y>\r\n"), WireLimits.STRICT_CRLF);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).raw()).isEqualTo(octets("text\n.\nMAIL FROM:<x@y>\r\n"));
        assertThat(lines.get(0).ending()).isEqualTo(LineEnding.CRLF);
        assertThat(lines.get(0).issues()).containsExactly(LineIssue.BARE_LF);
        assertThat(lines.get(0).isTerminator()).isFalse();
    }

    @Test
    void aBareCrInsideALineIsFlaggedAndDoesNotEndIt() throws IOException {
        for (WireLimits limits : List.of(WireLimits.RFC, WireLimits.STRICT_CRLF)) {
            List<Line> lines = Lines.readAll(octets("250 O\rK\r\n"), limits);

            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).text()).isEqualTo("250 O\rK");
            assertThat(lines.get(0).ending()).isEqualTo(LineEnding.CRLF);
            assertThat(lines.get(0).issues()).containsExactly(LineIssue.BARE_CR);
        }
    }

    @Test
    void aCrAtTheEndOfTheStreamIsABareCrOfAnUnterminatedLine() throws IOException {
        LineReader reader = reader("QUIT\r");

        Line line = reader.readLine();
        assertThat(line.raw()).isEqualTo(octets("QUIT\r"));
        assertThat(line.ending()).isEqualTo(LineEnding.NONE);
        assertThat(line.issues()).containsExactlyInAnyOrder(LineIssue.BARE_CR, LineIssue.UNTERMINATED);
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void anUnterminatedLastLineIsDeliveredAndFlagged() throws IOException {
        LineReader reader = reader("250 OK\r\n221 By");

        assertThat(reader.readLine().issues()).isEmpty();
        Line cut = reader.readLine();
        assertThat(cut.text()).isEqualTo("221 By");
        assertThat(cut.ending()).isEqualTo(LineEnding.NONE);
        assertThat(cut.issues()).containsExactly(LineIssue.UNTERMINATED);
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void aLineOf1000OctetsIncludingCrlfIsFineAndOneMoreIsOverlong() throws IOException {
        // RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets, CRLF included.
        Line longest = reader("x".repeat(998) + "\r\n").readLine();
        Line tooLong = reader("x".repeat(999) + "\r\n").readLine();

        assertThat(longest.issues()).isEmpty();
        assertThat(tooLong.issues()).containsExactly(LineIssue.OVERLONG);
    }

    @Test
    void a2000OctetLineIsFlaggedOverlongAndDeliveredWhole() throws IOException {
        String text = "250 " + "x".repeat(1994);
        LineReader reader = reader(text + "\r\n");

        Line line = reader.readLine();
        assertThat(line.rawLength()).isEqualTo(2000);
        assertThat(line.text()).isEqualTo(text);
        assertThat(line.ending()).isEqualTo(LineEnding.CRLF);
        assertThat(line.issues()).containsExactly(LineIssue.OVERLONG);
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void aLineBeyondTheHoldLimitComesInSplitPiecesThatAddUpToIt() throws IOException {
        byte[] input = octets("250 " + "y".repeat(2 * (1 << 20) + 100) + "\r\n");

        List<Line> pieces = Lines.readAll(input, WireLimits.RFC);

        assertThat(pieces).hasSize(3);
        assertThat(pieces.get(0).rawLength()).isEqualTo(WireLimits.RFC.holdLimit());
        assertThat(pieces.get(1).rawLength()).isEqualTo(WireLimits.RFC.holdLimit());
        assertThat(pieces.subList(0, 2)).allSatisfy(piece -> {
            assertThat(piece.issues()).containsExactlyInAnyOrder(LineIssue.SPLIT, LineIssue.OVERLONG);
            assertThat(piece.ending()).isEqualTo(LineEnding.NONE);
        });
        assertThat(pieces.get(2).issues()).containsExactly(LineIssue.OVERLONG);
        assertThat(pieces.get(2).ending()).isEqualTo(LineEnding.CRLF);
        assertThat(Lines.concatenate(pieces)).isEqualTo(input);
    }

    @Test
    void aCrlfRightAtTheHoldLimitStaysWithItsLine() throws IOException {
        List<Line> lines = Lines.readAll(octets("x".repeat(16) + "\r\nnext\r\n"), TINY);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).rawLength()).isEqualTo(18);
        assertThat(lines.get(0).ending()).isEqualTo(LineEnding.CRLF);
        assertThat(lines.get(0).issues()).containsExactly(LineIssue.OVERLONG);
        assertThat(lines.get(1).text()).isEqualTo("next");
    }

    @Test
    void aLineThatEndsTheStreamAtTheHoldLimitIsUnterminatedNotSplit() throws IOException {
        List<Line> lines = Lines.readAll(octets("x".repeat(16)), TINY);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).issues()).contains(LineIssue.UNTERMINATED).doesNotContain(LineIssue.SPLIT);
    }

    @Test
    void aRunOfCarriageReturnsIsSplitAtTheHoldLimitLikeAnyOtherLine() throws IOException {
        byte[] input = octets("\r".repeat(300) + "\r\n");

        List<Line> pieces = Lines.readAll(input, TINY);

        assertThat(pieces).allSatisfy(piece -> {
            assertThat(piece.rawLength()).isLessThanOrEqualTo(TINY.holdLimit() + 2);
            assertThat(piece.issues()).contains(LineIssue.BARE_CR);
        });
        assertThat(pieces.get(pieces.size() - 1).ending()).isEqualTo(LineEnding.CRLF);
        assertThat(Lines.concatenate(pieces)).isEqualTo(input);
    }

    @Test
    void aNulOctetIsFlagged() throws IOException {
        Line line = reader("250 a\0b\r\n").readLine();

        assertThat(line.raw()).containsSequence((byte) 'a', (byte) 0, (byte) 'b');
        assertThat(line.issues()).containsExactly(LineIssue.NUL);
    }

    @Test
    void octetsThatAreNotUtf8AreFlaggedAndShownAsReplacementCharacters() throws IOException {
        Line latin1 = reader("250 caf\u00e9\r\n").readLine(); // é as the single octet 0xE9
        Line utf8 = Line.of("250 caf\u00e9\r\n"); // é as the two octets of UTF-8

        assertThat(latin1.issues()).containsExactly(LineIssue.INVALID_UTF8);
        assertThat(latin1.text()).isEqualTo("250 caf\uFFFD");
        assertThat(latin1.raw()).endsWith((byte) 0xE9, (byte) '\r', (byte) '\n');
        assertThat(utf8.issues()).isEmpty();
        assertThat(utf8.text()).isEqualTo("250 caf\u00e9");
    }

    @Test
    void aReadTimeoutInTheMiddleOfALineLosesNothing() throws IOException {
        InputStream stalling = new InputStream() {
            private final List<Object> script = List.of(octets("250 par"), new SocketTimeoutException("Read timed out"),
                    octets("tial\r\n"));
            private int step;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (step == script.size()) {
                    return -1;
                }
                Object next = script.get(step++);
                if (next instanceof IOException e) {
                    throw e;
                }
                byte[] bytes = (byte[]) next;
                System.arraycopy(bytes, 0, target, offset, bytes.length);
                return bytes.length;
            }
        };
        LineReader reader = new LineReader(stalling, WireLimits.RFC);

        assertThatThrownBy(reader::readLine).isInstanceOf(SocketTimeoutException.class);
        assertThat(reader.buffered()).as("the half line is still held").isEqualTo(7);
        Line line = reader.readLine();
        assertThat(line.raw()).isEqualTo(octets("250 partial\r\n"));
        assertThat(line.issues()).isEmpty();
    }

    @Test
    void drainingTakesWhatWasReceivedButNotYetReturned() throws IOException {
        LineReader reader = reader("220 Ready to start TLS\r\n\u0016\u0003\u0001garbage");

        assertThat(reader.readLine().text()).isEqualTo("220 Ready to start TLS");
        assertThat(reader.buffered()).isEqualTo(10);
        assertThat(reader.drainBuffered()).isEqualTo(octets("\u0016\u0003\u0001garbage"));
        assertThat(reader.buffered()).isZero();
        assertThat(reader.readLine()).isNull();
    }

    private static LineReader reader(String octets) {
        return new LineReader(new ByteArrayInputStream(octets(octets)), WireLimits.RFC);
    }
}
