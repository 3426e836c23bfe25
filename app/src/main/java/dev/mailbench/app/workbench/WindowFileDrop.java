package dev.mailbench.app.workbench;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import dev.mailbench.app.mime.MessageFileDrop;
import dev.mailbench.session.SessionFile;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Files dropped on the window: message files ({@code .eml}) open in a MIME viewer, saved sessions
 * ({@code .mbsession}) in a read-only tab; anything else dropped is refused.
 */
final class WindowFileDrop {

    private WindowFileDrop() {
    }

    /** The files among what is dragged that the window opens, in order. */
    static List<Path> openable(List<File> dragged) {
        return dragged == null ? List.of() : dragged.stream().map(File::toPath)
                .filter(file -> MessageFileDrop.isMessageFile(file) || SessionFile.isSessionFile(file)).toList();
    }

    static void install(Node target, Consumer<Path> openMessage, Consumer<Path> openSession) {
        target.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles() && !openable(event.getDragboard().getFiles()).isEmpty()) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            List<Path> files = event.getDragboard().hasFiles() ? openable(event.getDragboard().getFiles()) : List.of();
            for (Path file : files) {
                if (SessionFile.isSessionFile(file)) {
                    openSession.accept(file);
                } else {
                    openMessage.accept(file);
                }
            }
            event.setDropCompleted(!files.isEmpty());
            event.consume();
        });
    }
}
