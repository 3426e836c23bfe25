package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.junit.jupiter.api.Test;

/** Moving a highlight restyles only the characters whose style changed. */
class StyleChangeTest {

    private static final Collection<String> PLAIN = List.of();
    private static final Collection<String> PART = List.of("selected-part", "part-body");
    private static final Collection<String> MARK = List.of("control");

    @Test
    void aHighlightMovedWithinTheTextRestylesFromWhereTheOldOneStartedToWhereTheNewOneEnds() {
        StyleSpans<Collection<String>> before = spans(PLAIN, 100, PART, 50, PLAIN, 850);
        StyleSpans<Collection<String>> after = spans(PLAIN, 300, PART, 200, PLAIN, 500);

        assertThat(StyleChange.between(before, after)).containsExactly(100, 500);
    }

    @Test
    void theSameStylesCutDifferentlyAreNoChange() {
        StyleSpans<Collection<String>> before = spans(PLAIN, 10, MARK, 2, PLAIN, 88);
        StyleSpans<Collection<String>> after = spans(PLAIN, 5, PLAIN, 5, MARK, 2, PLAIN, 88);

        assertThat(StyleChange.between(before, after)).isNull();
    }

    @Test
    void aChangeAtEitherEndIsFoundThereAndANewTextChangesEverything() {
        StyleSpans<Collection<String>> plain = spans(PLAIN, 1000);

        assertThat(StyleChange.between(plain, spans(PART, 1, PLAIN, 999))).containsExactly(0, 1);
        assertThat(StyleChange.between(plain, spans(PLAIN, 999, MARK, 1))).containsExactly(999, 1000);
        assertThat(StyleChange.between(null, plain)).containsExactly(0, 1000);
        assertThat(StyleChange.between(spans(PLAIN, 999), plain)).containsExactly(0, 1000);
    }

    @SuppressWarnings("unchecked")
    private static StyleSpans<Collection<String>> spans(Object... styleAndLength) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        for (int i = 0; i < styleAndLength.length; i += 2) {
            builder.add((Collection<String>) styleAndLength[i], (Integer) styleAndLength[i + 1]);
        }
        return builder.create();
    }
}
