package dev.mailbench.app.cli;

import dev.mailbench.lesson.MailboxView;
import dev.mailbench.lesson.StoreMailboxes;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.store.MailStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option of the commands that read what a practice server kept (a picocli mixin). */
class PracticeDataOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "the practice server's data directory (default: $XDG_DATA_HOME/mailbench,"
                    + " else ~/.local/share/mailbench)")
    Path dataDir;

    /** The directory given, or the default one. */
    DataDirectory data() {
        return dataDir == null ? DataDirectory.defaultLocation() : DataDirectory.at(dataDir);
    }

    /** The mailboxes of the directory's mail store; none when the server has not stored any mail yet. */
    static MailboxView mailboxes(DataDirectory data) throws IOException {
        return Files.isDirectory(data.mailStore()) ? new StoreMailboxes(MailStore.open(data.mailStore()))
                : MailboxView.NONE;
    }
}
