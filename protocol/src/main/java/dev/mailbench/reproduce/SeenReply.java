package dev.mailbench.reproduce;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A whole reply as a script run saw it.
 *
 * @param sequence the transcript sequence of its first line
 * @param status   the SMTP reply code ({@code 250}; {@code ?} when malformed) or the POP3 status ({@code +OK},
 *                 {@code -ERR}, {@code +} for a continuation, {@code ?})
 * @param enhanced the enhanced status code ({@code 2.1.0}), or empty
 * @param lines    every line of it as read, without line endings
 * @param latency  the time from the command (or the connection) to its first line; null when unknown
 */
public record SeenReply(long sequence, String status, String enhanced, List<String> lines, Duration latency) {

    public SeenReply {
        lines = List.copyOf(lines);
    }

    /** The first line: what a person reads first. */
    public String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    public Optional<Duration> latencyIfKnown() {
        return Optional.ofNullable(latency);
    }

    /** The status and enhanced code as they are compared: {@code 250 2.1.0}. */
    public String codes() {
        return enhanced.isEmpty() ? status : status + " " + enhanced;
    }
}
