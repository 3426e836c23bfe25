package dev.mailbench.app.transcript;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.LineInfo;
import dev.mailbench.wire.Transcript;

import javafx.collections.ObservableListBase;

/**
 * The lines a transcript pane shows, kept as columns: one octet a line for its reading ({@link LineInfo#code()}),
 * and, per run of consecutive events from one connection, where the run starts, its transcript, its first event
 * and the connection's explainer (a tab shows its connections one after another). A {@link TranscriptEntry}, and
 * the event in it, are made when a line is asked for.
 *
 * <p>A 20 MB RETR is 300,000 lines kept while the tab is open. As an object or two each, they are 300,000 more
 * objects for every young collection to copy while the message streams in, and those pauses are what a user
 * sees as the window stalling; as columns they are a few arrays. Read-only to its users; the view model adds.
 */
final class TranscriptLines extends ObservableListBase<TranscriptEntry> {

    private byte[] infos = new byte[256];
    private int size;
    /** Where each run starts, in rising order, and its first event's sequence number. */
    private int[] runStarts = new int[8];
    private long[] runSequences = new long[8];
    private final List<Transcript> runTranscripts = new ArrayList<>();
    private final List<EventExplainer> runExplainers = new ArrayList<>();

    @Override
    public TranscriptEntry get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("line " + index + " of " + size);
        }
        int run = runOf(runStarts, runTranscripts.size(), index);
        return entry(infos, index, runStarts[run], runSequences[run], runTranscripts.get(run), runExplainers.get(run));
    }

    /**
     * Lines {@code from} to {@code to} as they are now, for reading on any thread while lines are still added here
     * (saving, copying a large selection): taking one costs the few runs, not the lines. The lines below the size
     * are never changed, and arrays outgrown are replaced, not changed, so the snapshot keeps the arrays it saw.
     */
    List<TranscriptEntry> snapshot(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        int runs = runTranscripts.size();
        return new Snapshot(infos, Arrays.copyOf(runStarts, runs), Arrays.copyOf(runSequences, runs),
                runTranscripts.toArray(new Transcript[0]), runExplainers.toArray(new EventExplainer[0]), from, to);
    }

    private static final class Snapshot extends AbstractList<TranscriptEntry> implements RandomAccess {
        private final byte[] infos;
        private final int[] runStarts;
        private final long[] runSequences;
        private final Transcript[] transcripts;
        private final EventExplainer[] explainers;
        private final int from;
        private final int to;

        Snapshot(byte[] infos, int[] runStarts, long[] runSequences, Transcript[] transcripts,
                 EventExplainer[] explainers, int from, int to) {
            this.infos = infos;
            this.runStarts = runStarts;
            this.runSequences = runSequences;
            this.transcripts = transcripts;
            this.explainers = explainers;
            this.from = from;
            this.to = to;
        }

        @Override
        public TranscriptEntry get(int index) {
            int line = from + Objects.checkIndex(index, to - from);
            int run = runOf(runStarts, runStarts.length, line);
            return entry(infos, line, runStarts[run], runSequences[run], transcripts[run], explainers[run]);
        }

        @Override
        public int size() {
            return to - from;
        }
    }

    private static TranscriptEntry entry(byte[] infos, int index, int runStart, long runSequence, Transcript transcript,
                                         EventExplainer explainer) {
        return new TranscriptEntry(transcript.event(runSequence + index - runStart), LineInfo.ofCode(infos[index]),
                explainer);
    }

    @Override
    public int size() {
        return size;
    }

    /** Appends the slices' lines, in order, as one change. */
    void append(List<PendingLines.Slice> slices) {
        int from = size;
        for (PendingLines.Slice slice : slices) {
            add(slice);
        }
        if (size > from) {
            beginChange();
            nextAdd(from, size);
            endChange();
        }
    }

    private void add(PendingLines.Slice slice) {
        PendingLines.Run run = slice.run();
        long firstSequence = run.firstSequence + slice.from();
        int last = runTranscripts.size() - 1;
        boolean continues = last >= 0 && runTranscripts.get(last) == run.transcript
                && runExplainers.get(last) == run.explainer
                && runSequences[last] + (size - runStarts[last]) == firstSequence;
        if (!continues) {
            if (last + 1 == runStarts.length) {
                runStarts = Arrays.copyOf(runStarts, runStarts.length * 2);
                runSequences = Arrays.copyOf(runSequences, runSequences.length * 2);
            }
            runStarts[last + 1] = size;
            runSequences[last + 1] = firstSequence;
            runTranscripts.add(run.transcript);
            runExplainers.add(run.explainer);
        }
        if (size + slice.count() > infos.length) {
            infos = Arrays.copyOf(infos, Math.max(infos.length * 2, size + slice.count()));
        }
        System.arraycopy(slice.codes(), slice.from(), infos, size, slice.count());
        size += slice.count();
    }

    /** The run a line belongs to: the last of the first {@code runs} that starts at or before it. */
    private static int runOf(int[] runStarts, int runs, int index) {
        int found = Arrays.binarySearch(runStarts, 0, runs, index);
        return found >= 0 ? found : -found - 2;
    }
}
