package dev.mailbench.app.transcript;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;

import javafx.animation.AnimationTimer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocumentBuilder;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyledSegment;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * The transcript as text (RichTextFX), one paragraph per transcript line, each piece styled by CSS class.
 *
 * <p>Lines are taken from the view model once per animation pulse, at most
 * {@link TranscriptViewModel#MAX_LINES_PER_PULSE} at a time, and appended in one edit; the pulse timer runs
 * only while lines wait. When line endings or secrets are toggled, the whole text is rebuilt off the UI
 * thread and swapped in with one edit. Paragraph {@code i} is always line {@code i} of the view model,
 * followed by one empty paragraph where the next line goes.
 */
public final class TranscriptPane extends StackPane {

    private static final Collection<String> NO_STYLE = List.of();
    /** Extra style class of a control octet's mark, such as {@code ⟨CR⟩}. */
    public static final String CONTROL = "control";
    /** Paragraph style class of the line whose explanation is shown. */
    public static final String SELECTED_LINE = "selected-line";
    private static final Collection<String> SELECTED = List.of(SELECTED_LINE);

    private final TranscriptViewModel viewModel;
    private final TaskExecutor executor;
    private final StyleClassedTextArea area = new StyleClassedTextArea(false);
    private final Map<String, Collection<String>> styles = new HashMap<>();
    private final AnimationTimer pulse;
    private IntConsumer onAppended = count -> { };
    private long generation;

    public TranscriptPane(TranscriptViewModel viewModel, TaskExecutor executor, Runnable openMessage) {
        this.viewModel = viewModel;
        this.executor = executor;
        area.setId("transcript");
        area.getStyleClass().add("transcript");
        area.setEditable(false);
        area.setWrapText(false);
        // Read-only text needs no undo history. The default one keeps every append and merges each with the
        // last, copying all the text appended so far: for a 20 MB RETR, gigabytes copied on the UI thread.
        area.setUndoManager(UndoUtils.noOpUndoManager());
        getChildren().add(new VirtualizedScrollPane<>(area));

        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drainOnce();
            }
        };
        viewModel.setWakeUp(pulse::start);
        area.currentParagraphProperty().addListener((observable, old, now) -> viewModel.select(now));
        area.setOnMouseClicked(event -> viewModel.select(area.getCurrentParagraph()));
        viewModel.selectedProperty().addListener((observable, old, now) -> mark(old.intValue(), now.intValue()));
        viewModel.showLineEndingsProperty().addListener((observable, old, now) -> redraw());
        viewModel.revealSecretsProperty().addListener((observable, old, now) -> redraw());
        viewModel.showTimesProperty().addListener((observable, old, now) -> redraw());

        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(event -> area.copy());
        MenuItem selectAll = new MenuItem("Select All");
        selectAll.setOnAction(event -> area.selectAll());
        MenuItem open = new MenuItem("Open as Message");
        open.setId("transcript-open-message");
        open.disableProperty().bind(viewModel.messageSelectedProperty().not());
        open.setOnAction(event -> openMessage.run());
        area.setContextMenu(new ContextMenu(copy, selectAll, open));
    }

    public StyleClassedTextArea area() {
        return area;
    }

    /** Told how many lines each pulse appended: lets a test see that no pulse takes more than its share. */
    public void setOnAppended(IntConsumer onAppended) {
        this.onAppended = onAppended;
    }

    /** Copies the selected text. */
    public void copySelection() {
        area.copy();
    }

    private void drainOnce() {
        List<TranscriptEntry> batch = viewModel.drain(TranscriptViewModel.MAX_LINES_PER_PULSE);
        if (!batch.isEmpty()) {
            boolean follow = showsEnd();
            RenderOptions options = viewModel.renderOptions();
            area.append(document(batch.stream().map(entry -> viewModel.render(entry, options)).toList()));
            if (follow) {
                area.showParagraphAtBottom(area.getParagraphs().size() - 1);
            }
            onAppended.accept(batch.size());
        }
        if (!viewModel.hasWaiting()) {
            pulse.stop();
        }
    }

    /** Marks the selected line with the paragraph style class {@value #SELECTED_LINE}. */
    private void mark(int previous, int selected) {
        int paragraphs = area.getParagraphs().size();
        if (previous >= 0 && previous < paragraphs) {
            area.setParagraphStyle(previous, NO_STYLE);
        }
        if (selected >= 0 && selected < paragraphs) {
            area.setParagraphStyle(selected, SELECTED);
        }
    }

    /** Whether the end of the text is in view, so new lines should keep it there. */
    private boolean showsEnd() {
        int paragraphs = area.getParagraphs().size();
        if (paragraphs <= 1 || area.getVisibleParagraphs().isEmpty()) {
            return true;
        }
        return area.lastVisibleParToAllParIndex() >= paragraphs - 2;
    }

    /** Draws every line again, built off the UI thread and swapped in at once; lines added meanwhile stay. */
    private void redraw() {
        long mine = ++generation;
        List<TranscriptEntry> snapshot = viewModel.entries();
        RenderOptions options = viewModel.renderOptions();
        executor.execute(BackgroundTask.of(() ->
                document(snapshot.stream().map(entry -> viewModel.render(entry, options)).toList()))
                .onSuccess(document -> {
                    if (mine != generation) {
                        return;
                    }
                    int caret = area.getCurrentParagraph();
                    int end = snapshot.isEmpty() ? 0 : area.getAbsolutePosition(snapshot.size(), 0);
                    area.replace(0, end, document);
                    area.moveTo(Math.min(caret, area.getParagraphs().size() - 1), 0);
                    viewModel.select(area.getCurrentParagraph());
                    mark(-1, viewModel.selectedProperty().get());
                }));
    }

    /** The lines as one document, ending with an empty paragraph where the next line will go. */
    private ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> document(List<StyledLine> lines) {
        ReadOnlyStyledDocumentBuilder<Collection<String>, String, Collection<String>> builder =
                new ReadOnlyStyledDocumentBuilder<>(SegmentOps.styledTextOps(), NO_STYLE, lines.size() + 1);
        for (StyledLine line : lines) {
            List<StyledSegment<String, Collection<String>>> segments = new ArrayList<>(line.segments().size() + 2);
            for (StyledLine.Segment segment : line.segments()) {
                for (ControlMarks.Run run : ControlMarks.runs(segment.text())) {
                    segments.add(new StyledSegment<>(run.text(),
                            style(run.control() ? segment.styleClass() + " " + CONTROL : segment.styleClass())));
                }
            }
            builder.addParagraph(segments);
        }
        builder.addParagraph("", NO_STYLE);
        return builder.build();
    }

    /** One shared collection per set of style classes: 300,000 lines need not carry 300,000 lists. */
    private Collection<String> style(String styleClasses) {
        synchronized (styles) {
            return styles.computeIfAbsent(styleClasses, classes -> List.of(classes.split(" ")));
        }
    }
}
