package dev.mailbench.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of mistake in a lesson file is reported with the file, the line and what is wrong. */
class LessonFileProblemsTest {

    @TempDir
    Path temp;

    /** A valid lesson whose single check block (line 14 on) holds {@code check}. */
    private static String lesson(String check) {
        return """
                # A lesson
                ```lesson
                id: sample
                level: beginner
                protocols: SMTP
                minutes: 5
                walkthrough: 000
                ```
                Introduction.

                ## Say hello
                Type `HELO client.example.test`.

                ```check
                %s
                ```
                ### Hint
                Type it.
                ### What you just saw
                A 250.
                """.formatted(check);
    }

    private static List<String> problems(String text) {
        return LessonParser.parse("sample.md", text).problems().stream().map(LessonProblem::toString).toList();
    }

    @Test
    void aValidLessonHasNoProblem() {
        ParsedLesson parsed = LessonParser.parse("sample.md", lesson("reply: HELO 250"));

        assertThat(parsed.problems()).isEmpty();
        Lesson lesson = parsed.lesson().orElseThrow();
        assertThat(lesson.title()).isEqualTo("A lesson");
        assertThat(lesson.steps()).singleElement().satisfies(step -> {
            assertThat(step.title()).isEqualTo("Say hello");
            assertThat(step.instructions().markdown()).isEqualTo("Type `HELO client.example.test`.");
            assertThat(step.instructions().plain()).isEqualTo("Type \"HELO client.example.test\".");
            assertThat(step.hints()).extracting(LessonText::markdown).containsExactly("Type it.");
            assertThat(step.seen().markdown()).isEqualTo("A 250.");
            assertThat(step.line()).isEqualTo(11);
        });
    }

    @Test
    void anUnknownVerbNamesItsLine() {
        assertThat(problems(lesson("sent: MAIK FROM"))).singleElement().asString()
                .startsWith("sample.md:15: unknown verb \"MAIK\" (SMTP and POP3 verbs: ");
    }

    @Test
    void anUnknownCheckNamesItsLine() {
        assertThat(problems(lesson("reply: HELO 250\nsend: HELO"))).singleElement().asString()
                .startsWith("sample.md:16: unknown check \"send\" (known: sent, reply, order,");
    }

    @Test
    void aMissingFieldOfTheLessonBlockNamesTheBlock() {
        String text = lesson("reply: HELO 250").replace("minutes: 5\n", "");

        assertThat(problems(text)).containsExactly("sample.md:2: missing field minutes in the lesson block");
    }

    @Test
    void aStepWithoutCheckNamesTheStep() {
        String text = lesson("reply: HELO 250").replace("```check\nreply: HELO 250\n```\n", "");

        assertThat(problems(text)).containsExactly("sample.md:11: missing field: step \"Say hello\" has no check block");
    }

    @Test
    void aBadPatternNamesItsLineAndWhatIsWrong() {
        assertThat(problems(lesson("sent: MAIL FROM:<(bob"))).containsExactly(
                "sample.md:15: bad pattern \"FROM:<(bob\": Unclosed group");
    }

    @Test
    void aBadReplyCodeNamesItsLine() {
        assertThat(problems(lesson("reply: HELO 2500"))).singleElement().asString()
                .startsWith("sample.md:15: bad reply code \"2500\"");
    }

    @Test
    void aFourthHintIsOneTooMany() {
        String text = lesson("reply: HELO 250").replace("### Hint\nType it.\n",
                "### Hint\nA.\n### Hint\nB.\n### Hint\nC.\n### Hint\nD.\n");

        assertThat(problems(text)).containsExactly("sample.md:23: a step has at most 3 hints");
    }

    @Test
    void anUnknownServerSettingNamesItsLine() {
        assertThat(problems(lesson("reply: HELO 250\nneeds: open-relay on"))).singleElement().asString()
                .startsWith("sample.md:16: unknown server setting \"open-relay\"");
    }

    @Test
    void anAuthMechanismThePracticeServerDoesNotOfferIsAProblem() {
        assertThat(problems(lesson("auth: LGOIN typed"))).containsExactly(
                "sample.md:15: unknown mechanism \"LGOIN\" (the practice server offers PLAIN, LOGIN, CRAM-MD5)");
        assertThat(problems(lesson("auth: cram-md5"))).isEmpty();
    }

    @Test
    void aServerSettingsValueMustBeOneItTakes() {
        assertThat(problems(lesson("reply: HELO 250\nneeds: smtp-after-pop ten"))).containsExactly(
                "sample.md:16: smtp-after-pop takes a number of minutes from 1 to 1440, or off, not \"ten\"");
        assertThat(problems(lesson("reply: HELO 250\nneeds: smtp-after-pop 0"))).hasSize(1);
        assertThat(problems(lesson("reply: HELO 250\nneeds: fault greylist"))).singleElement().asString()
                .startsWith("sample.md:16: unknown fault \"greylist\" (known: refuse-connections, greylisting,");
        assertThat(problems(lesson("reply: HELO 250\nneeds: smtp-after-pop 10\nneeds: fault greylisting"))).isEmpty();
        assertThat(problems(lesson("reply: HELO 250\nneeds: smtp-after-pop off"))).isEmpty();
    }

    @Test
    void anIdThatIsNotTheFileNameIsReported() {
        assertThat(problems(lesson("reply: HELO 250").replace("id: sample", "id: other")))
                .containsExactly("sample.md:3: id other is not the file's name, sample");
    }

    @Test
    void everyProblemOfAFileIsListedNotOnlyTheFirst() {
        assertThat(problems(lesson("sent: MAIK\nreply: HELO 99x\norder: DELE"))).hasSize(3);
    }

    @Test
    void validatingAFileOnDiskReadsItsTranslationWithItsEnglishFile() throws Exception {
        Files.writeString(temp.resolve("sample.md"), lesson("reply: HELO 250"));
        Path german = temp.resolve("sample_de.md");
        Files.writeString(german, "# Eine Lektion\n\n## Grüßen\nTippen Sie `HELO x`.\n\n```check\nsendt: HELO\n```\n");

        ParsedLesson parsed = LessonLibrary.validate(german);

        assertThat(parsed.problems()).extracting(LessonProblem::toString).singleElement().asString()
                .startsWith("sample_de.md:7: unknown check \"sendt\"");
    }
}
