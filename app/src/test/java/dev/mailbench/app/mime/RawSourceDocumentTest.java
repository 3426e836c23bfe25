package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;

import dev.mailbench.mime.ByteRange;

import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** The raw source made into a document keeps every character and every character's style, across line breaks. */
class RawSourceDocumentTest {

    @Test
    void everyCharacterKeepsItsTextAndStyleWhereHighlightsAndMarksCrossLineBreaks() {
        byte[] source = ("Subject: hi\r\n\r\nbody line\r\nlast line\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RawSourceText text = RawSourceText.of(source, 0, true);
        StyleSpans<Collection<String>> styles = text.styles(new ByteRange(0, 15), new ByteRange(15, source.length));

        ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document =
                RawSourceDocument.of(text.text(), styles);

        assertThat(document.getText()).isEqualTo(text.text());
        assertThat(document.getParagraphs()).hasSize(5);
        for (int i = 0; i < text.text().length(); i++) {
            if (text.text().charAt(i) != '\n') {
                assertThat(document.getStyleAtPosition(i + 1)).as("character %d", i)
                        .isEqualTo(styles.getStyleSpan(styles.getSpanCount() == 0 ? 0 : spanAt(styles, i)).getStyle());
            }
        }
        assertThat(document.getStyleAtPosition(1)).contains(RawSourceText.PART_HEADER);
        assertThat(document.getStyleAtPosition(text.text().indexOf("body") + 1)).contains(RawSourceText.PART_BODY);
    }

    @Test
    void anEmptyTextIsOneEmptyParagraph() {
        RawSourceText text = RawSourceText.of(new byte[0], 0, false);

        assertThat(RawSourceDocument.of(text.text(), text.styles(null, null)).getParagraphs()).hasSize(1);
        assertThat(List.of(RawSourceDocument.of("", text.styles(null, null)).getText())).containsExactly("");
    }

    private static int spanAt(StyleSpans<Collection<String>> styles, int position) {
        int end = 0;
        for (int i = 0; i < styles.getSpanCount(); i++) {
            end += styles.getStyleSpan(i).getLength();
            if (position < end) {
                return i;
            }
        }
        throw new AssertionError("no span at " + position);
    }
}
