package dev.mailbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped lessons: all listed, none broken, translated where a translation exists, English elsewhere; and a
 * teacher's own from a folder.
 */
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

    private static final String OWN = "# My lesson\n```lesson\nid: greet-twice\nlevel: beginner\nprotocols: SMTP\n"
            + "minutes: 5\nwalkthrough: 000\n```\n## Hello\nSay HELO.\n```check\nreply: HELO 250\n```\n";

    @Test
    void aTeachersFolderAddsItsLessonsAfterTheShippedOnesWithTheirTranslations(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("greet-twice.md"), OWN);
        Files.writeString(folder.resolve("greet-twice_de.md"), "# Zweimal grüßen\n");
        Files.writeString(folder.resolve("a-broken-one.md"), OWN.replace("greet-twice", "a-broken-one")
                .replace("HELO 250", "HELO 2500"));
        Files.writeString(folder.resolve("notes.txt"), "not a lesson");

        LessonLibrary library = LessonLibrary.builtInAnd(folder, Locale.GERMAN);

        assertThat(library.all()).extracting(ParsedLesson::id).endsWith("starttls", "a-broken-one", "greet-twice");
        assertThat(library.lesson("greet-twice").orElseThrow().title()).isEqualTo("Zweimal grüßen");
        assertThat(library.lesson("first-smtp")).isPresent();
        ParsedLesson broken = library.all().get(library.all().size() - 2);
        assertThat(broken.isBroken()).isTrue();
        assertThat(broken.problems()).extracting(LessonProblem::toString).singleElement().asString()
                .startsWith("a-broken-one.md:12: bad reply code \"2500\"");
    }

    @Test
    void aTeachersLessonCannotTakeAShippedLessonsId(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("relay.md"), OWN.replace("greet-twice", "relay"));

        LessonLibrary library = LessonLibrary.builtInAnd(folder, Locale.ROOT);

        assertThat(library.lesson("relay").orElseThrow().title()).isEqualTo(
                LessonLibrary.builtIn(Locale.ROOT).lesson("relay").orElseThrow().title());
        assertThat(library.all().get(library.all().size() - 1).problems()).extracting(LessonProblem::toString)
                .containsExactly("relay.md: the id relay is taken by a lesson Mailbench ships;"
                        + " give this one another file name and id");
    }

    @Test
    void aFolderThatDoesNotExistAddsNone(@TempDir Path folder) {
        assertThat(LessonLibrary.builtInAnd(folder.resolve("lessons"), Locale.ROOT).all())
                .hasSameSizeAs(LessonLibrary.builtIn(Locale.ROOT).all());
    }
}
