package dev.mailbench.app.transcript;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.LineInfo;
import dev.mailbench.wire.Transcript;

/**
 * The lines recorded on a connection's reader thread and not yet taken into the pane on the UI thread. A 20 MB
 * RETR arrives faster than the pane takes it, so many thousand lines may wait at once: they wait as runs of one
 * transcript's consecutive events, each line one octet (its reading, {@link LineInfo#code()}), not as an object a
 * line for young collections to copy.
 *
 * <p>Thread-safe: one or more reader threads add, the UI thread takes. Both hold the lock only to add or take a
 * count, never while the pane is told of new lines.
 */
final class PendingLines {

    /** Lines a run holds at most; a longer stretch of one transcript continues in the next run. */
    private static final int RUN = 4096;

    /** Consecutive events of one transcript from {@code firstSequence}; the codes of the first {@code count} are set. */
    static final class Run {
        final Transcript transcript;
        final EventExplainer explainer;
        final long firstSequence;
        /** Grown by doubling up to {@link #RUN}: lines of two connections taking turns make many short runs. */
        byte[] codes = new byte[64];
        int count;
        int taken;

        Run(Transcript transcript, EventExplainer explainer, long firstSequence) {
            this.transcript = transcript;
            this.explainer = explainer;
            this.firstSequence = firstSequence;
        }
    }

    /**
     * Lines {@code from} to {@code from + count} of a run, taken together, with the codes array they were taken
     * from (the reader may replace the run's with a larger one afterwards; this one keeps their codes).
     */
    record Slice(Run run, byte[] codes, int from, int count) {
    }

    private final ArrayDeque<Run> runs = new ArrayDeque<>();
    private int waiting;

    /** Adds the next line of a transcript; returns whether no line was waiting before. */
    synchronized boolean add(Transcript transcript, EventExplainer explainer, long sequence, LineInfo info) {
        Run last = runs.peekLast();
        if (last == null || last.transcript != transcript || last.explainer != explainer || last.count == RUN
                || last.firstSequence + last.count != sequence) {
            last = new Run(transcript, explainer, sequence);
            runs.addLast(last);
        }
        if (last.count == last.codes.length) {
            last.codes = Arrays.copyOf(last.codes, Math.min(RUN, last.codes.length * 2));
        }
        last.codes[last.count++] = (byte) info.code();
        return waiting++ == 0;
    }

    synchronized boolean isEmpty() {
        return waiting == 0;
    }

    /** Takes up to {@code max} waiting lines, in order. */
    synchronized List<Slice> take(int max) {
        List<Slice> slices = new ArrayList<>(2);
        int left = max;
        while (left > 0 && !runs.isEmpty()) {
            Run run = runs.peekFirst();
            int count = Math.min(left, run.count - run.taken);
            if (count > 0) {
                slices.add(new Slice(run, run.codes, run.taken, count));
                run.taken += count;
                left -= count;
                waiting -= count;
            }
            if (run.taken < run.count || run == runs.peekLast() && run.count < RUN) {
                break; // the reader may still add to the last run, or this one is taken only in part
            }
            runs.pollFirst();
        }
        return slices;
    }
}
