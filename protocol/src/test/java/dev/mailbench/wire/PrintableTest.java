package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void controlOctetsBecomeControlPictures() {
        assertThat(Printable.of(bytes('2', '5', '0', ' ', 'O', 'K', '\r', '\n'))).isEqualTo("250 OK␍␊");
        assertThat(Printable.of(bytes(0, '\t', 0x7F, 0x1B))).isEqualTo("␀␉␡␛");
        assertThat(Printable.of(bytes('a', '\t', 'b', '\r', '\n'), 0, 3, true)).isEqualTo("a\tb");
    }

    @Test
    void wellFormedUtf8IsText() {
        assertThat(Printable.of(bytes(0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x93, 0xA7, 0xF4, 0x8F, 0xBF, 0xBF)))
                .isEqualTo("é€\uD83D\uDCE7\uDBFF\uDFFF");
    }

    /** RFC 3629 §3 and §4: what is not well-formed UTF-8 shows octet by octet, never as U+FFFD. */
    @Test
    void everyOctetThatIsNotUtf8ShowsInHex() {
        assertThat(Printable.of(bytes(0xC3, '('))).isEqualTo("⟨C3⟩(");
        assertThat(Printable.of(bytes(0xFF, 0xFE, 0x80))).isEqualTo("⟨FF⟩⟨FE⟩⟨80⟩");
        // overlong forms, a UTF-16 surrogate, and beyond U+10FFFF
        assertThat(Printable.of(bytes(0xC0, 0x80, 0xE0, 0x80, 0xAF))).isEqualTo("⟨C0⟩⟨80⟩⟨E0⟩⟨80⟩⟨AF⟩");
        assertThat(Printable.of(bytes(0xED, 0xA0, 0x80))).isEqualTo("⟨ED⟩⟨A0⟩⟨80⟩");
        assertThat(Printable.of(bytes(0xF4, 0x90, 0x80, 0x80))).isEqualTo("⟨F4⟩⟨90⟩⟨80⟩⟨80⟩");
        // a sequence cut short, by another character or by the end of the line
        assertThat(Printable.of(bytes(0xE2, 0x82, 'x', 0xE2, 0x82))).isEqualTo("⟨E2⟩⟨82⟩x⟨E2⟩⟨82⟩");
        assertThat(Printable.of(bytes(0xC3, 0xA9, 0x0A), 0, 1, true)).isEqualTo("⟨C3⟩");
    }

    private static byte[] bytes(int... octets) {
        byte[] bytes = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            bytes[i] = (byte) octets[i];
        }
        return bytes;
    }
}
