package dev.mailbench.app.workbench;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.explain.RetrievedMessage;

import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;

/** A retrieved message's raw source, read-only; large messages are laid out off the UI thread. */
public final class RawMessageView extends BorderPane {

    private static final Collection<String> NO_STYLE = List.of();

    public RawMessageView(RetrievedMessage message, TaskExecutor executor) {
        getStyleClass().add("raw-message-view");
        byte[] content = message.content();
        Label heading = new Label(message.command() + ": " + content.length + " octets as received, transparency dots removed"
                + (message.complete() ? "" : " (incomplete: the connection ended first)"));
        heading.setId("raw-message-heading");
        heading.getStyleClass().add("raw-message-heading");
        StyleClassedTextArea area = new StyleClassedTextArea(false);
        area.setId("raw-message");
        area.getStyleClass().add("raw-message");
        area.setEditable(false);
        setTop(heading);
        setCenter(new VirtualizedScrollPane<>(area));
        executor.execute(BackgroundTask.of(() -> ReadOnlyStyledDocument.fromString(
                        new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n"),
                        NO_STYLE, NO_STYLE, SegmentOps.<Collection<String>>styledTextOps()))
                .onSuccess(document -> {
                    area.replace(document);
                    area.moveTo(0);
                    area.showParagraphAtTop(0);
                }));
    }
}
