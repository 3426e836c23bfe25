package dev.mailbench.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson panel's progress file: written whole, read back, its numbers as the panel shows them. */
class LessonProgressFileTest {

    @TempDir
    Path config;

    @Test
    void progressIsReadBackAsItWasSavedAndALessonWithoutStepsIsLeftOut() throws Exception {
        LessonProgressFile file = new LessonProgressFile(config.resolve("new"));
        assertThat(file.load()).isEmpty();

        file.save(Map.of("first-smtp", Set.of(0, 1, 2), "relay", Set.of()));

        assertThat(Files.readAllLines(file.file(), StandardCharsets.UTF_8)).contains("first-smtp: 1 2 3")
                .noneMatch(line -> line.startsWith("relay"));
        assertThat(new LessonProgressFile(config.resolve("new")).load()).isEqualTo(Map.of("first-smtp", Set.of(0, 1, 2)));
    }

    @Test
    void linesThatCannotBeReadAreLeftOut() throws Exception {
        Files.writeString(config.resolve(LessonProgressFile.FILE_NAME), "# a comment\nnonsense\npop3-read: 2 x 0 3\n");

        assertThat(new LessonProgressFile(config).load()).isEqualTo(Map.of("pop3-read", Set.of(1, 2)));
    }
}
