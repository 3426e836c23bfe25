package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.mailbench.mime.ByteRange;

import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class RawSourceTextTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void lineEndingsBecomeLineBreaksAndEveryByteKnowsItsCharacter() {
        RawSourceText raw = RawSourceText.of(ascii("ab\r\ncd\ne\rf"), 100, false);

        assertThat(raw.text()).isEqualTo("ab\ncd\ne\nf");
        assertThat(raw.bytes()).isEqualTo(new ByteRange(100, 110));
        assertThat(raw.charOffset(100)).isEqualTo(0);
        assertThat(raw.charOffset(102)).as("CR of CRLF").isEqualTo(2);
        assertThat(raw.charOffset(103)).as("LF of CRLF").isEqualTo(2);
        assertThat(raw.charOffset(104)).as("after CRLF").isEqualTo(3);
        assertThat(raw.charOffset(106)).as("bare LF").isEqualTo(5);
        assertThat(raw.charOffset(108)).as("bare CR").isEqualTo(7);
        assertThat(raw.charOffset(110)).isEqualTo(9);
        assertThat(raw.charOffset(5)).as("before the window: clipped").isEqualTo(0);
        assertThat(raw.charOffset(500)).as("after the window: clipped").isEqualTo(9);
    }

    @Test
    void marksWriteOutLineEndingsAndFlagBareOnes() {
        RawSourceText raw = RawSourceText.of(ascii("a\r\nb\nc\td"), 0, true);

        assertThat(raw.text()).isEqualTo("a⟨CR⟩⟨LF⟩\nb⟨LF⟩\nc⟨TAB⟩d");
        assertThat(stylesOf(raw.styles(null, null), raw.text()))
                .containsExactly("a", "⟨CR⟩⟨LF⟩=control", "\nb", "⟨LF⟩=bare-ending", "\nc", "⟨TAB⟩=control", "d");
    }

    @Test
    void utf8ShowsAsCharactersOtherEightBitBytesAsLatin1OrMarks() {
        byte[] bytes = {'r', (byte) 0xC3, (byte) 0xA9, 's', (byte) 0xE9, 0};
        RawSourceText plain = RawSourceText.of(bytes, 0, false);
        assertThat(plain.text()).isEqualTo("résé⟨NUL⟩");
        assertThat(plain.charOffset(2)).as("the second byte of é").isEqualTo(1);
        assertThat(plain.charOffset(3)).isEqualTo(2);

        RawSourceText marked = RawSourceText.of(bytes, 0, true);
        assertThat(marked.text()).isEqualTo("r⟨C3⟩⟨A9⟩s⟨E9⟩⟨NUL⟩");
        assertThat(stylesOf(marked.styles(null, null), marked.text()))
                .containsExactly("r", "⟨C3⟩⟨A9⟩=non-ascii", "s", "⟨E9⟩=non-ascii", "⟨NUL⟩=control");
    }

    @Test
    void aPartsHeaderAndBodyAreHighlightedExactlyOverTheMarks() {
        byte[] message = ascii("X: 1\r\n\r\nbody\r\nmore\r\n--b--\r\n");
        RawSourceText raw = RawSourceText.of(message, 0, true);

        StyleSpans<Collection<String>> styles = raw.styles(new ByteRange(0, 8), new ByteRange(8, 18));

        assertThat(stylesOf(styles, raw.text())).containsExactly(
                "X: 1=selected-part,part-header",
                "⟨CR⟩⟨LF⟩=selected-part,part-header,control",
                "\n=selected-part,part-header",
                "⟨CR⟩⟨LF⟩=selected-part,part-header,control",
                "\n=selected-part,part-header",
                "body=selected-part,part-body",
                "⟨CR⟩⟨LF⟩=selected-part,part-body,control",
                "\nmore=selected-part,part-body",
                "⟨CR⟩⟨LF⟩=control",
                "\n--b--",
                "⟨CR⟩⟨LF⟩=control",
                "\n");
    }

    @Test
    void aSelectedFieldIsMarkedInsideItsPartsHighlight() {
        RawSourceText raw = RawSourceText.of(ascii("A: 1\r\nB: 2\r\n\r\nx"), 0, false);

        StyleSpans<Collection<String>> styles = raw.styles(new ByteRange(0, 14), new ByteRange(14, 15),
                new ByteRange(6, 12), -1);

        assertThat(stylesOf(styles, raw.text())).containsExactly(
                "A: 1\n=selected-part,part-header",
                "B: 2\n=selected-part,part-header,selected-field",
                "\n=selected-part,part-header",
                "x=selected-part,part-body");
    }

    @Test
    void aProblemMarksTheLineItIsOnAndALineBreakBelongsToTheLineItEnds() {
        RawSourceText raw = RawSourceText.of(ascii("one\r\ntwo\rthree"), 0, false);

        assertThat(stylesOf(raw.styles(null, null, null, 8), raw.text()))
                .as("the bare CR after two").containsExactly("one\n", "two=problem-mark", "\nthree");
        assertThat(stylesOf(raw.styles(null, null, null, 12), raw.text()))
                .containsExactly("one\ntwo\n", "three=problem-mark");
        assertThat(stylesOf(raw.styles(null, null, null, 99), raw.text())).as("outside: nothing").containsExactly("one\ntwo\nthree");
    }

    @Test
    void emptySourceHasEmptyStyles() {
        RawSourceText raw = RawSourceText.of(new byte[0], 0, false);
        assertThat(raw.text()).isEmpty();
        assertThat(raw.styles(new ByteRange(0, 0), new ByteRange(0, 0)).length()).isZero();
    }

    /** "text=class,class" per span. */
    static List<String> stylesOf(StyleSpans<Collection<String>> spans, String text) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (StyleSpan<Collection<String>> span : spans) {
            String piece = text.substring(at, at + span.getLength());
            out.add(span.getStyle().isEmpty() ? piece : piece + "=" + String.join(",", span.getStyle()));
            at += span.getLength();
        }
        assertThat(at).isEqualTo(text.length());
        return out;
    }
}
