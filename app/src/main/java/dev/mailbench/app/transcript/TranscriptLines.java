package dev.mailbench.app.transcript;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.LineInfo;
import dev.mailbench.wire.TranscriptEvent;

import javafx.collections.ObservableListBase;

/**
 * The lines a transcript pane shows, kept as columns: each line's event, the code of its reading
 * ({@link LineInfo#code()}) in one octet, and, per run of lines, the explainer of the connection they came on (a
 * tab shows its connections one after another). A {@link TranscriptEntry} is made when a line is asked for.
 *
 * <p>A 20 MB RETR is 300,000 lines kept while the tab is open. As one entry object each, they are 300,000 more
 * objects for every young collection to copy while the message streams in, and those pauses are what a user
 * sees as the window stalling; as columns they are a few arrays. Read-only to its users; the view model adds.
 */
final class TranscriptLines extends ObservableListBase<TranscriptEntry> {

    private TranscriptEvent[] events = new TranscriptEvent[256];
    private byte[] infos = new byte[256];
    private int size;
    /** Where each run of lines from one connection starts, and that connection's explainer. */
    private final List<Integer> runStarts = new ArrayList<>();
    private final List<EventExplainer> runExplainers = new ArrayList<>();

    @Override
    public TranscriptEntry get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size);
        }
        return new TranscriptEntry(events[index], LineInfo.ofCode(infos[index]), explainerOf(index));
    }

    @Override
    public int size() {
        return size;
    }

    /** Appends the lines, in order, as one change. */
    void append(List<TranscriptEntry> lines) {
        if (lines.isEmpty()) {
            return;
        }
        int from = size;
        if (size + lines.size() > events.length) {
            int capacity = Math.max(events.length * 2, size + lines.size());
            events = Arrays.copyOf(events, capacity);
            infos = Arrays.copyOf(infos, capacity);
        }
        for (TranscriptEntry line : lines) {
            int last = runExplainers.size() - 1;
            if (last < 0 || runExplainers.get(last) != line.explainer()) {
                runStarts.add(size);
                runExplainers.add(line.explainer());
            }
            events[size] = line.event();
            infos[size] = (byte) line.info().code();
            size++;
        }
        beginChange();
        nextAdd(from, size);
        endChange();
    }

    private EventExplainer explainerOf(int index) {
        int run = runStarts.size() - 1;
        while (runStarts.get(run) > index) { // a tab has a few connections; the latest lines are asked for most
            run--;
        }
        return runExplainers.get(run);
    }
}
