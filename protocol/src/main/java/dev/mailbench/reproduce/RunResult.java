package dev.mailbench.reproduce;

import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.util.List;
import java.util.Optional;

/**
 * What a script run did: the whole transcript (for a session file or a handout), the replies by the line that drew
 * them, and what went wrong.
 *
 * @param address   where it ran
 * @param events    every transcript event, notes included, in order
 * @param exchanges the connection and each line sent, with the replies that came after it
 * @param failures  the {@code expect} lines that did not hold
 * @param error     why the run stopped early (no connection, the connection lost, no reply); empty when it ran
 *                  to the end
 */
public record RunResult(ServerAddress address, List<TranscriptEvent> events, List<Exchange> exchanges,
                        List<Failure> failures, Optional<String> error) {

    /** The exit code a run ends with: 2 when it could not run to the end, 1 when an {@code expect} failed, else 0. */
    public static final int OK = 0;
    public static final int EXPECTATION_FAILED = 1;
    public static final int ERROR = 2;

    public RunResult {
        events = List.copyOf(events);
        exchanges = List.copyOf(exchanges);
        failures = List.copyOf(failures);
    }

    /** The transcript the events are of (every run records at least its connecting note), for a session file. */
    public Transcript transcript() {
        return events.get(0).transcript();
    }

    public int exitCode() {
        return error.isPresent() ? ERROR : failures.isEmpty() ? OK : EXPECTATION_FAILED;
    }

    /**
     * What the client did and the replies it drew.
     *
     * @param lineNumber the script line sent, or 0 for the connection (its reply is the greeting)
     * @param command    the line as written in the script, or {@code (connect)}
     */
    public record Exchange(int lineNumber, String command, List<SeenReply> replies) {
        public Exchange {
            replies = List.copyOf(replies);
        }
    }

    /**
     * An {@code expect} that did not hold.
     *
     * @param got the reply it was checked against; empty when none came
     */
    public record Failure(String scriptName, int lineNumber, ReplyPattern expected, Optional<SeenReply> got) {

        /** {@code first.mbscript:7: expected 250, got 550 5.7.1 Relaying denied}. */
        public String message() {
            return scriptName + ":" + lineNumber + ": expected " + expected + ", got "
                    + got.map(SeenReply::firstLine).orElse("no reply");
        }
    }
}
