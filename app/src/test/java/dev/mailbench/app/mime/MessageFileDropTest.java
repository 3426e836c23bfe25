package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageFileDropTest {

    @Test
    void onlyMessageFilesAreTakenFromWhatIsDropped() {
        List<File> dropped = List.of(new File("/tmp/a.eml"), new File("/tmp/notes.txt"), new File("/tmp/B.EML"),
                new File("/tmp/eml"));

        assertThat(MessageFileDrop.messageFiles(dropped)).containsExactly(Path.of("/tmp/a.eml"), Path.of("/tmp/B.EML"));
        assertThat(MessageFileDrop.messageFiles(null)).isEmpty();
        assertThat(MessageFileDrop.isMessageFile(Path.of("/"))).isFalse();
    }
}
