package dev.mailbench.diagnose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The end of a diagnosis's time, read from its clock: each wait is given what is left. */
final class Deadline {

    /** Thrown when the time is up before a step could start: the remaining checks are skipped. */
    static final class Passed extends Exception {
        private static final long serialVersionUID = 1L;

        Passed() {
            super("the diagnosis ran out of time", null, false, false);
        }
    }

    private final Clock clock;
    private final Instant end;

    Deadline(Clock clock, Duration timeout) {
        this.clock = clock;
        this.end = clock.instant().plus(timeout);
    }

    /** What is left, at least a millisecond (a wait of zero would mean for ever). */
    Duration remaining() throws Passed {
        Duration left = Duration.between(clock.instant(), end);
        if (left.isNegative() || left.isZero()) {
            throw new Passed();
        }
        return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }
}
