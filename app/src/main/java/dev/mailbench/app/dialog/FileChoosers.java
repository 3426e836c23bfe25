package dev.mailbench.app.dialog;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for a file: the platform's dialogs in the window, a fixed answer in tests. */
public interface FileChoosers {

    /** Where to save, or empty when the user cancels. */
    Optional<Path> saveFile(Window owner, String title, String suggestedName, String extension);

    /** A file to open, or empty when the user cancels. */
    Optional<Path> openFile(Window owner, String title);

    /** The JavaFX file dialogs. */
    static FileChoosers system() {
        return new FileChoosers() {
            @Override
            public Optional<Path> saveFile(Window owner, String title, String suggestedName, String extension) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                        extension.toUpperCase(Locale.ROOT) + " files", "*." + extension));
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> openFile(Window owner, String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }
        };
    }

    /** Answers as a user who cancels every dialog: for a window that is only looked at (a test, a benchmark). */
    static FileChoosers cancelling() {
        return new FileChoosers() {
            @Override
            public Optional<Path> saveFile(Window owner, String title, String suggestedName, String extension) {
                return Optional.empty();
            }

            @Override
            public Optional<Path> openFile(Window owner, String title) {
                return Optional.empty();
            }
        };
    }
}
