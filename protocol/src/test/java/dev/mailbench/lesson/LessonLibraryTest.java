package dev.mailbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    @Test
    void aBrokenLessonIsListedAsBrokenAndTheOthersStillLoad() {
        String good = "# Good\n```lesson\nid: good\nlevel: beginner\nprotocols: SMTP\nminutes: 5\nwalkthrough: 000\n```\n"
                + "## Hello\nSay HELO.\n```check\nreply: HELO 250\n```\n";
        Map<String, String> files = Map.of("index.txt", "broken\nmissing\ngood\n",
                "broken.md", good.replace("id: good", "id: broken").replace("HELO 250", "HELO 2500"),
                "good.md", good);

        LessonLibrary library = LessonLibrary.from(name -> Optional.ofNullable(files.get(name)), Locale.ROOT);

        assertThat(library.all()).extracting(ParsedLesson::id).containsExactly("broken", "missing", "good");
        assertThat(library.all()).extracting(ParsedLesson::isBroken).containsExactly(true, true, false);
        assertThat(library.all().get(0).problems()).extracting(LessonProblem::toString).singleElement().asString()
                .startsWith("broken.md:12: bad reply code \"2500\"");
        assertThat(library.all().get(1).problems()).extracting(LessonProblem::toString)
                .containsExactly("missing.md: listed in index.txt but not found");
        assertThat(library.lesson("good")).isPresent();
        assertThat(library.lesson("broken")).isEmpty();
    }
}
