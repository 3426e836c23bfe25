package dev.mailbench.diagnose;

import dev.mailbench.wire.TranscriptEvent;
import dev.mailbench.wire.TranscriptListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each transcript line happened by the diagnosis's own clock: the delays a diagnosis reports are read from it,
 * so a test can give it a clock it moves by hand.
 */
final class Timeline implements TranscriptListener {
    private final Clock clock;
    private final Map<Long, Instant> times = new ConcurrentHashMap<>();

    Timeline(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onEvent(TranscriptEvent event) {
        times.put(event.sequence(), clock.instant());
    }

    /** The time between two lines, by their sequence numbers. */
    Duration between(long from, long to) {
        Instant start = times.get(from);
        Instant end = times.get(to);
        return start == null || end == null ? Duration.ZERO : Duration.between(start, end);
    }
}
