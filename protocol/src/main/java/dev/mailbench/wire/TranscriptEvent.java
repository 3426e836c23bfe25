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
 * <p>A 20 MB RETR is some 300,000 events, all kept for as long as the transcript is shown, so an event keeps its
 * times as plain numbers (about 80 bytes besides the line's own octets, where an {@link Instant} and a
 * {@link Duration} would add 50 more) and hands out the objects on demand; a transcript keeps the octets of its
 * lines packed together ({@link LineBytes}).
 */
public final class TranscriptEvent {

    private static final long NO_LATENCY = -1;

    private final long sequence;
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
     * @param sequence     position in the transcript, from 0, without gaps
     * @param direction    who produced the bytes
     * @param bytes        the exact bytes, line terminator included (for a note, its text in UTF-8)
     * @param nanoTime     monotonic timestamp ({@link System#nanoTime()}), for latencies
     * @param time         wall-clock time, for display and saved transcripts
     * @param sinceCommand time since the most recent client line before this event, i.e. the reply latency
     *                     for server lines; {@code null} before the first client line
     * @param tls          whether the bytes travelled inside TLS
     * @param issues       rule breaks found in the bytes
     * @param annotation   decoded meaning supplied by the session, or {@code null}
     */
    public TranscriptEvent(long sequence, Direction direction, byte[] bytes, long nanoTime, Instant time,
                           Duration sinceCommand, boolean tls, Set<LineIssue> issues, Annotation annotation) {
        this(sequence, direction, bytes.clone(), 0, bytes.length, nanoTime, time, sinceCommand, tls, issues,
                annotation);
    }

    /** An event whose octets are {@code length} octets of {@code store} from {@code offset}, never changed after. */
    TranscriptEvent(long sequence, Direction direction, byte[] store, int offset, int length, long nanoTime,
                    Instant time, Duration sinceCommand, boolean tls, Set<LineIssue> issues, Annotation annotation) {
        this.sequence = sequence;
        this.direction = Objects.requireNonNull(direction, "direction");
        this.store = store;
        this.offset = offset;
        this.length = length;
        this.nanoTime = nanoTime;
        this.epochSecond = time.getEpochSecond();
        this.nanoOfSecond = time.getNano();
        this.sinceCommandNanos = sinceCommand == null ? NO_LATENCY : Math.max(0, sinceCommand.toNanos());
        this.tls = tls;
        this.issues = Set.copyOf(issues);
        this.annotation = annotation;
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

    /** The time since the most recent client line before this event; {@code null} before the first one. */
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
        return other instanceof TranscriptEvent that
                && sequence == that.sequence && direction == that.direction && Arrays.equals(store, offset, offset + length, that.store, that.offset, that.offset + that.length)
                && nanoTime == that.nanoTime && epochSecond == that.epochSecond && nanoOfSecond == that.nanoOfSecond
                && sinceCommandNanos == that.sinceCommandNanos && tls == that.tls && issues.equals(that.issues)
                && Objects.equals(annotation, that.annotation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, direction, length, nanoTime);
    }

    @Override
    public String toString() {
        return sequence + " " + direction + " " + printable();
    }
}
