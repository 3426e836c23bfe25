package dev.mailbench.app.mime;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** {@code .eml} files dropped on a node open as messages; anything else dropped is refused. */
public final class MessageFileDrop {

    private MessageFileDrop() {
    }

    /** Whether the file looks like a message file: the {@code .eml} extension, as mail programs export them. */
    public static boolean isMessageFile(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml");
    }

    /** The message files among what is dragged, in order. */
    public static List<Path> messageFiles(List<File> dragged) {
        return dragged == null ? List.of() : dragged.stream().map(File::toPath).filter(MessageFileDrop::isMessageFile)
                .toList();
    }

    /** Makes {@code target} accept dropped {@code .eml} files and hand each to {@code open}. */
    public static void install(Node target, Consumer<Path> open) {
        target.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles() && !messageFiles(event.getDragboard().getFiles()).isEmpty()) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            List<Path> files = event.getDragboard().hasFiles() ? messageFiles(event.getDragboard().getFiles()) : List.of();
            files.forEach(open);
            event.setDropCompleted(!files.isEmpty());
            event.consume();
        });
    }
}
