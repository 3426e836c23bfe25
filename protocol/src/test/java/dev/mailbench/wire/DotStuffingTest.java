package dev.mailbench.wire;

import static dev.mailbench.wire.Lines.octets;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DotStuffingTest {

    @Test
    void aLineStartingWithADotGetsOneMoreAndTheEndOfDataFollows() {
        byte[] wire = DotStuffing.encode(octets("Hello\r\n.hidden\r\n..two dots\r\nend\r\n"));

        assertThat(wire).isEqualTo(octets("Hello\r\n..hidden\r\n...two dots\r\nend\r\n.\r\n"));
    }

    @Test
    void theFirstLineCountsAsALineStartToo() {
        assertThat(DotStuffing.encode(octets(".\r\n"))).isEqualTo(octets("..\r\n.\r\n"));
    }

    @Test
    void dotsElsewhereInALineAreLeftAlone() {
        assertThat(DotStuffing.encode(octets("a.b .c\r\n"))).isEqualTo(octets("a.b .c\r\n.\r\n"));
    }

    @Test
    void aBareLfIsNotALineStartSoNoDotIsAdded() {
        // RFC 5321 §4.5.2 speaks of lines ending in CRLF; the bare LF is sent as it is, for the server to judge.
        assertThat(DotStuffing.encode(octets("a\n.b\r\n"))).isEqualTo(octets("a\n.b\r\n.\r\n"));
    }

    @Test
    void aMissingFinalCrlfIsAddedBeforeTheEndOfData() {
        assertThat(DotStuffing.encode(octets("no line end"))).isEqualTo(octets("no line end\r\n.\r\n"));
        assertThat(DotStuffing.encode(octets(".dot first"))).isEqualTo(octets("..dot first\r\n.\r\n"));
    }

    @Test
    void anEmptyMessageIsJustTheEndOfData() {
        assertThat(DotStuffing.encode(new byte[0])).isEqualTo(octets(".\r\n"));
    }

    @Test
    void unstuffingRemovesOneLeadingDotAndKeepsTheLineEnding() {
        assertThat(DotStuffing.unstuff(Line.of("..hidden\r\n"))).isEqualTo(octets(".hidden\r\n"));
        assertThat(DotStuffing.unstuff(Line.of("plain\r\n"))).isEqualTo(octets("plain\r\n"));
        assertThat(DotStuffing.unstuff(Line.of("\r\n"))).isEqualTo(octets("\r\n"));
    }
}
