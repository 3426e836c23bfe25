package dev.mailbench.wire;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a transcript: a line that crossed the socket (client or server) or a local note.
 *
 * <p>A transcript keeps its events as columns ({@link EventColumns}) and its lines' octets packed together
 * ({@link LineBytes}); an event is made when asked for ({@link Transcript#event}), holds its fields as plain
 * values, and is dropped when its user is done. Two events are equal when they are the same line of the same
 * transcript.
 */
public final class TranscriptEvent {

    private static final long NO_LATENCY = -1;

    private final Transcript transcript;
    private final int sequence;
    private final Direction direction;
    /** The line's octets are {@code length} octets of {@code store} from {@code offset} (see {@link LineBytes}). */
    private final byte[] store;
    private final int offset;
    private final int length;
    private final long nanoTime;
    private final long epochSecond;
    private final int nanoOfSecond;
    private final long sinceCommandNanos;
    private final boolean tls;
    private final Set<LineIssue> issues;
    private final Annotation annotation;

    /**
     * @param sequence          position in the transcript, from 0, without gaps
     * @param store             the line's exact octets (line terminator included; for a note, its text in UTF-8) are
     *                          {@code length} octets of it from {@code offset}, never changed after
     * @param nanoTime          monotonic timestamp ({@link System#nanoTime()}), for latencies
     * @param epochSecond       wall-clock time, for display and saved transcripts, with {@code nanoOfSecond}
     * @param sinceCommandNanos time since the most recent client line before this event, i.e. the reply latency
     *                          for server lines, or since the connection was established before the first
     *                          client line (the greeting's latency); negative when neither is known
     * @param tls               whether the bytes travelled inside TLS
     * @param issues            rule breaks found in the bytes
     * @param annotation        decoded meaning supplied by the session, or {@code null}
     */
    TranscriptEvent(Transcript transcript, int sequence, Direction direction, byte[] store, int offset, int length,
                    long nanoTime, long epochSecond, int nanoOfSecond, long sinceCommandNanos, boolean tls,
                    Set<LineIssue> issues, Annotation annotation) {
        this.transcript = transcript;
        this.sequence = sequence;
        this.direction = direction;
        this.store = store;
        this.offset = offset;
        this.length = length;
        this.nanoTime = nanoTime;
        this.epochSecond = epochSecond;
        this.nanoOfSecond = nanoOfSecond;
        this.sinceCommandNanos = sinceCommandNanos < 0 ? NO_LATENCY : sinceCommandNanos;
        this.tls = tls;
        this.issues = issues;
        this.annotation = annotation;
    }

    /** The transcript this event is a line of. */
    public Transcript transcript() {
        return transcript;
    }

    public long sequence() {
        return sequence;
    }

    public Direction direction() {
        return direction;
    }

    /** A copy of the exact bytes, line terminator included. */
    public byte[] bytes() {
        return Arrays.copyOfRange(store, offset, offset + length);
    }

    /**
     * Copies the line's octets from {@code from} (terminator included) into {@code target} at {@code at}, without a
     * copy of its own; returns where the next octet goes.
     */
    public int copyTo(int from, byte[] target, int at) {
        int count = length - Objects.checkIndex(from, length + 1);
        System.arraycopy(store, offset + from, target, at, count);
        return at + count;
    }

    /** How many bytes the line has, terminator included. */
    public int length() {
        return length;
    }

    /** The line's octet at {@code index}, terminator included, read without copying the line. */
    public byte byteAt(int index) {
        return store[offset + Objects.checkIndex(index, length)];
    }

    public long nanoTime() {
        return nanoTime;
    }

    public Instant time() {
        return Instant.ofEpochSecond(epochSecond, nanoOfSecond);
    }

    /**
     * The time since the most recent client line before this event, or since the connection was established
     * ({@link Transcript#connectionEstablished}) before the first one; {@code null} when neither is known.
     */
    public Duration sinceCommand() {
        return sinceCommandNanos == NO_LATENCY ? null : Duration.ofNanos(sinceCommandNanos);
    }

    public boolean tls() {
        return tls;
    }

    public Set<LineIssue> issues() {
        return issues;
    }

    public Annotation annotation() {
        return annotation;
    }

    /** The bytes decoded as UTF-8, terminator included. */
    public String text() {
        return new String(store, offset, length, StandardCharsets.UTF_8);
    }

    /** The text without its trailing CRLF or LF: what a person reads as "the line". */
    public String line() {
        String text = text();
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** The bytes with CR, LF and control octets made visible ({@code "250 OK␍␊"}). */
    public String printable() {
        return Printable.of(bytes());
    }

    public Optional<Duration> latency() {
        return Optional.ofNullable(sinceCommand());
    }

    public Optional<Annotation> decoded() {
        return Optional.ofNullable(annotation);
    }

    public boolean isNote() {
        return direction == Direction.NOTE;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TranscriptEvent that && transcript == that.transcript && sequence == that.sequence;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(transcript) * 31 + sequence;
    }

    @Override
    public String toString() {
        return sequence + " " + direction + " " + printable();
    }
}
