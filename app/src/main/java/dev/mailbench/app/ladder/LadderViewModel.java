package dev.mailbench.app.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.explain.EventText;
import dev.mailbench.ladder.Ladder;
import dev.mailbench.ladder.LadderRow;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;

/**
 * The ladder of a session tab: the {@link Ladder} of each of its connections, one after the other, over the lines
 * the transcript pane has drawn, and the selection shared with the transcript (selecting an arrow selects its first
 * line there, and so its explanation; selecting a line selects its arrow).
 *
 * <p>The ladders read the transcript's lines only while the ladder is shown ({@link #shownProperty()}), as the
 * pane draws them, pulse by pulse; shown again, they catch up from where they stopped. UI thread.
 */
public final class LadderViewModel {

    /**
     * How many lines one step of catching up reads at most: half of what a pulse of the transcript pane appends, as
     * the ladder reads each line through a dialogue reader of its own. Shown after a 20 MB RETR, the ladder catches
     * up over many steps, the window answering between them.
     */
    public static final int MAX_LINES_PER_STEP = TranscriptViewModel.MAX_LINES_PER_PULSE / 2;

    private final TranscriptViewModel transcript;
    private final Consumer<Runnable> later;
    private boolean stepPending;
    private final List<Segment> segments = new ArrayList<>();
    private int read;
    private final ReadOnlyIntegerWrapper size = new ReadOnlyIntegerWrapper(this, "size", 0);
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", false);
    /** The rows whose lines are shown under their arrow. */
    private final NavigableSet<Integer> expanded = new TreeSet<>();
    private final ReadOnlyIntegerWrapper expansions = new ReadOnlyIntegerWrapper(this, "expansions", 0);

    /** One connection's ladder: its rows start at {@code rowStart}, its lines at {@code lineStart} of the pane. */
    private record Segment(Transcript transcript, Ladder ladder, int lineStart, int rowStart) {
    }

    /**
     * @param later runs a further step of catching up after this one, on the UI thread (the window's
     *              {@code Platform::runLater}; a test's {@code Runnable::run})
     */
    public LadderViewModel(TranscriptViewModel transcript, Consumer<Runnable> later) {
        this.transcript = transcript;
        this.later = later;
        transcript.lines().addListener((ListChangeListener<TranscriptEntry>) change -> {
            if (shown.get()) {
                catchUp();
            }
        });
        transcript.selectedProperty().addListener((observable, old, now) -> selected.set(rowOfLine(now.intValue())));
        shown.addListener((observable, old, now) -> {
            if (now) {
                catchUp();
            }
        });
    }

    /** Whether the ladder is shown; while it is, it grows with the transcript. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    /** Reads the lines the pane has drawn since the last time, {@link #MAX_LINES_PER_STEP} at a time. */
    public void catchUp() {
        int lines = transcript.size();
        if (read == lines) {
            return;
        }
        int until = Math.min(lines, read + MAX_LINES_PER_STEP);
        for (; read < until; read++) {
            TranscriptEntry entry = transcript.entry(read);
            TranscriptEvent event = entry.event();
            Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last == null || last.transcript() != event.transcript()) {
                last = new Segment(event.transcript(), new Ladder(entry.explainer().protocol()), read, rows());
                segments.add(last);
            }
            last.ladder().accept(event);
        }
        size.set(rows());
        selected.set(rowOfLine(transcript.selectedProperty().get()));
        if (read < lines && !stepPending) {
            stepPending = true;
            later.accept(() -> {
                stepPending = false;
                if (shown.get()) {
                    catchUp();
                }
            });
        }
    }

    private int rows() {
        if (segments.isEmpty()) {
            return 0;
        }
        Segment last = segments.get(segments.size() - 1);
        return last.rowStart() + last.ladder().size();
    }

    /** How many rows the ladders have. */
    public ReadOnlyIntegerProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public int size() {
        return size.get();
    }

    public LadderRow row(int index) {
        Segment segment = segmentOfRow(index);
        return segment.ladder().row(index - segment.rowStart());
    }

    /** The selected row, or -1: the row of the transcript's selected line. */
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Selects a row: its first line in the transcript, which explains it. A TLS band selects the line after it. */
    public void select(int index) {
        if (index < 0 || index >= size()) {
            return;
        }
        int line = lineOfRow(index);
        for (int next = index + 1; line < 0 && next < size(); next++) {
            line = lineOfRow(next);
        }
        if (line >= 0) {
            transcript.select(line);
        }
    }

    /** The transcript line (the pane's index) a row starts at; -1 for a TLS band, which is no line. */
    public int lineOfRow(int index) {
        Segment segment = segmentOfRow(index);
        LadderRow row = segment.ladder().row(index - segment.rowStart());
        return row.firstSequence() < 0 ? -1
                : segment.lineStart() + (int) (row.firstSequence() - segment.ladder().firstSequence());
    }

    /** The row that shows the pane's line {@code line}; -1 when the ladder has not read it. */
    public int rowOfLine(int line) {
        if (line < 0 || line >= read) {
            return -1;
        }
        int low = 0;
        int high = segments.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (segments.get(middle).lineStart() <= line) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        Segment segment = segments.get(low);
        int row = segment.ladder().rowOf(segment.ladder().firstSequence() + line - segment.lineStart());
        return row < 0 ? -1 : segment.rowStart() + row;
    }

    private Segment segmentOfRow(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("row " + index + " of " + size());
        }
        int low = 0;
        int high = segments.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (segments.get(middle).rowStart() <= index) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return segments.get(low);
    }

    /** What the arrow of the row it answers says, for a reply joined to its pipelined command ("RCPT"). */
    public String answeredVerb(int index) {
        Segment segment = segmentOfRow(index);
        LadderRow row = segment.ladder().row(index - segment.rowStart());
        return row.answers() >= 0 ? segment.ladder().row(row.answers()).label() : "";
    }

    // ---------------------------------------------------------------- a reply's lines under its arrow

    /** Whether the row shows its lines under its arrow. */
    public boolean isExpanded(int index) {
        return expanded.contains(index);
    }

    /** Shows or hides a multi-line row's lines under its arrow. */
    public void toggleExpanded(int index) {
        if (index < 0 || index >= size() || row(index).lineCount() < 2) {
            return;
        }
        if (!expanded.remove(index)) {
            expanded.add(index);
        }
        expansions.set(expansions.get() + 1);
    }

    /** Counts every change of the expanded rows, for a view to lay out again. */
    public ReadOnlyIntegerProperty expansionsProperty() {
        return expansions.getReadOnlyProperty();
    }

    /** The expanded rows, in order. */
    NavigableSet<Integer> expandedRows() {
        return expanded;
    }

    /** The {@code k}th line of a row as the transcript shows it (a password masked unless revealed there). */
    public String lineText(int index, int k) {
        Segment segment = segmentOfRow(index);
        LadderRow row = segment.ladder().row(index - segment.rowStart());
        TranscriptEvent event = segment.transcript().event(row.firstSequence() + k);
        return EventText.display(event, false, transcript.revealSecretsProperty().get());
    }

    /** The ladder of the connection that row {@code index} belongs to (for exporting it). */
    public Ladder ladderOf(int index) {
        return segmentOfRow(index).ladder();
    }
}
