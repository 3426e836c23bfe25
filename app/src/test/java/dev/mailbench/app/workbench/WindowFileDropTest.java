package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the window takes from a drop: messages and saved sessions, in order, nothing else. */
class WindowFileDropTest {

    @Test
    void messagesAndSessionsAreTakenAndTheRestIsLeft() {
        List<File> dragged = List.of(new File("/tmp/a.eml"), new File("/tmp/notes.txt"), new File("/tmp/Lesson.MBSESSION"),
                new File("/tmp/b.mbsession.txt"));

        assertThat(WindowFileDrop.openable(dragged)).containsExactly(Path.of("/tmp/a.eml"), Path.of("/tmp/Lesson.MBSESSION"));
        assertThat(WindowFileDrop.openable(null)).isEmpty();
    }
}
