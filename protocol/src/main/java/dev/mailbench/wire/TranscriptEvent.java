package dev.mailbench.wire;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a transcript: a line that crossed the socket (client or server) or a local note.
 *
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
public record TranscriptEvent(
        long sequence,
        Direction direction,
        byte[] bytes,
        long nanoTime,
        Instant time,
        Duration sinceCommand,
        boolean tls,
        Set<LineIssue> issues,
        Annotation annotation) {

    public TranscriptEvent {
        bytes = bytes.clone();
        issues = Set.copyOf(issues);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes decoded as UTF-8, terminator included. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
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
        return Printable.of(bytes);
    }

    public Optional<Duration> latency() {
        return Optional.ofNullable(sinceCommand);
    }

    public Optional<Annotation> decoded() {
        return Optional.ofNullable(annotation);
    }

    public boolean isNote() {
        return direction == Direction.NOTE;
    }

    @Override
    public String toString() {
        return sequence + " " + direction + " " + printable();
    }
}
