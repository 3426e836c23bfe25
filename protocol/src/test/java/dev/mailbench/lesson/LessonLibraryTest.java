package dev.mailbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The shipped lessons: all listed, none broken, translated where a translation exists, English elsewhere. */
class LessonLibraryTest {

    @Test
    void everyShippedLessonIsValid() {
        LessonLibrary library = LessonLibrary.builtIn(Locale.ROOT);

        assertThat(library.all()).extracting(ParsedLesson::id).containsExactly("first-smtp", "pop3-read",
                "ehlo-and-help", "auth-login", "envelope-vs-header", "relay", "end-of-data", "starttls");
        assertThat(library.all()).allSatisfy(parsed -> assertThat(parsed.problems()).as(parsed.id()).isEmpty());
        assertThat(library.all()).allSatisfy(parsed -> parsed.lesson().orElseThrow().steps()
                .forEach(step -> assertThat(step.hints()).as(step.title()).isNotEmpty().hasSizeLessThanOrEqualTo(3)));
    }

    @Test
    void aTranslationReplacesTheTextItHasAndEnglishFillsTheRest() {
        Lesson english = LessonLibrary.builtIn(Locale.ROOT).lesson("first-smtp").orElseThrow();
        Lesson german = LessonLibrary.builtIn(Locale.GERMAN).lesson("first-smtp").orElseThrow();

        assertThat(german.title()).isEqualTo("Ihre erste Nachricht, von Hand gesendet");
        assertThat(german.steps().get(0).title()).isEqualTo("Verbinden und grüßen");
        assertThat(german.steps().get(0).hints().get(0).markdown()).startsWith("Der Server spricht zuerst.");
        assertThat(german.steps().get(0).hints().get(1)).isEqualTo(english.steps().get(0).hints().get(1));
        assertThat(german.steps().get(0).seen()).isEqualTo(english.steps().get(0).seen());
        assertThat(german.steps().get(2).toString()).isEqualTo(english.steps().get(2).toString());
        assertThat(german.steps().get(0).check().toString()).isEqualTo(english.steps().get(0).check().toString());
        assertThat(german.minutes()).isEqualTo(english.minutes());
    }

    @Test
    void aLanguageWithoutTranslationGetsEnglish() {
        assertThat(LessonLibrary.builtIn(Locale.FRENCH).lesson("relay").orElseThrow().toString())
                .isEqualTo(LessonLibrary.builtIn(Locale.ROOT).lesson("relay").orElseThrow().toString());
    }
}
