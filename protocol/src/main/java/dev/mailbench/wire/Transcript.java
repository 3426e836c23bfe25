package dev.mailbench.wire;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The ordered record of a connection: every byte either side sent, and local notes. Sessions write to it;
 * views, tests and files subscribe. Listeners may be added and removed from any thread; events are
 * delivered in sequence order on the thread that emitted them, so a UI listener hands them to its own
 * thread.
 */
public final class Transcript {
    private final List<TranscriptListener> listeners = new CopyOnWriteArrayList<>();
    private final EventColumns events = new EventColumns();
    private final LineBytes lineBytes = new LineBytes();
    private final Clock clock;
    private long lastClientNanos = -1;

    public Transcript() {
        this(Clock.systemUTC());
    }

    public Transcript(Clock clock) {
        this.clock = clock;
    }

    public void addListener(TranscriptListener listener) {
        listeners.add(listener);
    }

    /**
     * Adds a listener and hands it every event recorded so far, atomically, so it misses none and sees
     * none twice.
     */
    public void addListenerWithHistory(TranscriptListener listener) {
        synchronized (this) {
            for (int i = 0, n = events.size(); i < n; i++) {
                deliver(listener, events.event(this, i));
            }
            listeners.add(listener);
        }
    }

    public void removeListener(TranscriptListener listener) {
        listeners.remove(listener);
    }

    /** Records bytes that crossed the wire. */
    public TranscriptEvent record(Direction direction, byte[] bytes, boolean tls, Set<LineIssue> issues,
                                  Annotation annotation) {
        synchronized (this) {
            long now = System.nanoTime();
            long since = lastClientNanos < 0 ? -1 : Math.max(0, now - lastClientNanos);
            if (direction == Direction.CLIENT) {
                lastClientNanos = now;
            }
            lineBytes.add(bytes);
            int index = events.append(direction, lineBytes.lastArray(), lineBytes.lastOffset(), bytes.length, now,
                    clock.instant(), since, tls, issues, annotation);
            TranscriptEvent event = events.event(this, index);
            for (TranscriptListener listener : listeners) {
                deliver(listener, event);
            }
            return event;
        }
    }

    /**
     * Records an event read back from a saved transcript, with the time and latency it had when it happened
     * (rather than now). Its monotonic timestamp is derived from that time, so latencies between replayed events
     * stay what they were.
     *
     * @param sinceCommand the latency saved with the event, or null when none was known
     */
    public TranscriptEvent replay(Direction direction, byte[] bytes, Instant time, Duration sinceCommand, boolean tls,
                                  Set<LineIssue> issues, Annotation annotation) {
        synchronized (this) {
            long nanoTime = time.getEpochSecond() * 1_000_000_000L + time.getNano();
            lineBytes.add(bytes);
            int index = events.append(direction, lineBytes.lastArray(), lineBytes.lastOffset(), bytes.length, nanoTime,
                    time, sinceCommand == null ? -1 : sinceCommand.toNanos(), tls, issues, annotation);
            TranscriptEvent event = events.event(this, index);
            for (TranscriptListener listener : listeners) {
                deliver(listener, event);
            }
            return event;
        }
    }

    /**
     * A listener that throws must not stop the recording, nor the thread that records (often a connection's
     * reader): its failure is its own.
     */
    private static void deliver(TranscriptListener listener, TranscriptEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            Thread t = Thread.currentThread();
            t.getUncaughtExceptionHandler().uncaughtException(t, e);
        }
    }

    /**
     * Marks the moment the connection was established (after the TLS handshake for implicit TLS): the greeting's
     * latency is measured from here, as a reply's is from its command.
     */
    public void connectionEstablished(long nanoTime) {
        synchronized (this) {
            lastClientNanos = nanoTime;
        }
    }

    /** Records a local note such as "Connected to 127.0.0.1:2525" or "TLS established: …". */
    public TranscriptEvent note(String text) {
        return record(Direction.NOTE, text.getBytes(StandardCharsets.UTF_8), false, Set.of(), null);
    }

    /** Every event so far, in order: a snapshot. */
    public List<TranscriptEvent> events() {
        int size = events.size();
        List<TranscriptEvent> snapshot = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            snapshot.add(events.event(this, i));
        }
        return Collections.unmodifiableList(snapshot);
    }

    /**
     * The event with this sequence number, which must be below {@link #size()}. Reads without taking the lock that
     * recording holds, so any thread may ask while the connection's lines are still arriving.
     */
    public TranscriptEvent event(long sequence) {
        if (sequence < 0 || sequence >= events.size()) {
            throw new IndexOutOfBoundsException("no event " + sequence + " of " + events.size());
        }
        return events.event(this, (int) sequence);
    }

    /** How many events have been recorded. */
    public int size() {
        return events.size();
    }

    /** The transcript as plain text, one event a line, prefixed {@code C:}, {@code S:} or {@code *}. */
    public String toPlainText() {
        StringBuilder out = new StringBuilder();
        for (TranscriptEvent event : events()) {
            out.append(plainPrefix(event.direction())).append(event.line()).append('\n');
        }
        return out.toString();
    }

    /** Who sent a line, as plain text puts it before the line: {@code C: }, {@code S: } or {@code *  } for a note. */
    public static String plainPrefix(Direction direction) {
        return switch (direction) {
            case CLIENT -> "C: ";
            case SERVER -> "S: ";
            case NOTE -> "*  ";
        };
    }
}
