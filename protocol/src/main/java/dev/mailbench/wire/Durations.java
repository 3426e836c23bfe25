package dev.mailbench.wire;

import java.time.Duration;
import java.util.Locale;

/** Short human forms of durations for notes: "850 ms", "2.4 s", "5 min". */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        long millis = d.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return (millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0)) + " s";
        }
        long seconds = d.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    /** A reply latency in a few characters, as the transcript and the ladder show it: {@code +0.4 ms}, {@code +12 ms}, {@code +2.5 s}. */
    public static String latency(Duration latency) {
        long micros = latency.toNanos() / 1_000;
        if (micros < 950) {
            return String.format(Locale.ROOT, "+%.1f ms", micros / 1000.0);
        }
        long millis = Math.round(micros / 1000.0);
        if (millis < 1_000) {
            return "+" + millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "+%.1f s", millis / 1000.0);
        }
        return "+" + millis / 60_000 + " min";
    }
}
