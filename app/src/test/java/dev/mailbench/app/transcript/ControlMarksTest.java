package dev.mailbench.app.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlMarksTest {

    @Test
    void controlPicturesBecomeTheirAsciiNames() {
        assertThat(ControlMarks.of("250 OK␍␊")).isEqualTo("250 OK⟨CR⟩⟨LF⟩");
        assertThat(ControlMarks.of("a␀b␉c␛␡")).isEqualTo("a⟨NUL⟩b⟨TAB⟩c⟨ESC⟩⟨DEL⟩");
        assertThat(ControlMarks.of("plain")).isEqualTo("plain");
    }

    @Test
    void runsSeparateMarksFromText() {
        assertThat(ControlMarks.runs(".␊")).containsExactly(new ControlMarks.Run(".", false),
                new ControlMarks.Run("⟨LF⟩", true));
        assertThat(ControlMarks.runs("")).containsExactly(new ControlMarks.Run("", false));
        assertThat(ControlMarks.runs("a⟨C3⟩⟨FF⟩b⟨x⟩")).containsExactly(new ControlMarks.Run("a", false),
                new ControlMarks.Run("⟨C3⟩", true), new ControlMarks.Run("⟨FF⟩", true), new ControlMarks.Run("b⟨x⟩", false));
    }

    @Test
    void marksNameOctetsBothWays() {
        assertThat(ControlMarks.mark('\r')).isEqualTo("⟨CR⟩");
        assertThat(ControlMarks.octet("lf")).contains(0x0A);
        assertThat(ControlMarks.octet("HT")).contains(0x09);
        assertThat(ControlMarks.octet("7F")).contains(0x7F);
        assertThat(ControlMarks.octet("CRLF")).isEmpty();
    }
}
