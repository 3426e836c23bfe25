package dev.mailbench.authenticity;

import dev.mailbench.mime.ReceivedHop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The path a message took, oldest hop first, with the delay between hops and what looks wrong about the
 * time stamps (RFC 5321 §4.4 has each server add a {@code Received:} field with the date and time).
 *
 * @param hops the hops, each with its warnings
 */
public record ReceivedTimeline(List<Hop> hops) {

    /** A gap longer than this between two hops is worth a look: a queue, a greylisting, a retry. */
    public static final Duration LONG_GAP = Duration.ofHours(1);

    /** A time zone as RFC 5322 §3.3 writes it: {@code +0200}, or an obsolete name (§4.3). */
    private static final Pattern ZONE = Pattern.compile(
            "(?i)(?:[+-][0-9]{4}|\\b(?:UT|GMT|UTC|Z|[ECMP][SD]T)\\b)(?:\\s*\\([^)]*\\))?\\s*$");

    /** One hop and its warnings. */
    public record Hop(ReceivedHop hop, List<String> warnings) {
    }

    public static ReceivedTimeline of(List<ReceivedHop> chain) {
        List<Hop> hops = new ArrayList<>();
        for (ReceivedHop hop : chain) {
            List<String> warnings = new ArrayList<>();
            if (hop.dateText() == null) {
                warnings.add("no time stamp: the field has no ';' followed by a date (RFC 5321 §4.4)");
            } else if (hop.timestamp() == null) {
                warnings.add("the time stamp \"" + hop.dateText() + "\" does not parse as a date (RFC 5322 §3.3)");
            } else if (!ZONE.matcher(hop.dateText()).find()) {
                warnings.add("the time stamp has no time zone, so it cannot be placed in time (RFC 5322 §3.3)");
            }
            Duration delay = hop.delay();
            if (delay != null && delay.isNegative()) {
                warnings.add("earlier than the hop before it by " + length(delay)
                        + ": a server's clock is wrong, or the field was forged");
            } else if (delay != null && delay.compareTo(LONG_GAP) > 0) {
                warnings.add("a gap of " + length(delay) + " after the hop before: the message waited in a queue"
                        + " (greylisting, a retry, a server down)");
            }
            hops.add(new Hop(hop, List.copyOf(warnings)));
        }
        return new ReceivedTimeline(List.copyOf(hops));
    }

    /** A hop's delay, signed: "+3 s", "+2 min 5 s", "−1 h 20 min". */
    public static String describe(Duration d) {
        // always signed: a hop stamped before the one that handed it the message is a clock gone wrong, not a delay
        return (d.isNegative() ? "−" : "+") + length(d);
    }

    /** How long, without a sign: "2 h", "10 min 5 s". */
    static String length(Duration d) {
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }
}
