package dev.mailbench.session;

import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.util.List;
import java.util.Objects;

/**
 * One connection of a session: where it went and everything that crossed it, notes included. A session tab may
 * connect more than once; each connection has a transcript of its own, whose sequence numbers start at 0.
 *
 * @param settings   where it went
 * @param transcript its events, live or read back from a session file
 */
public record SessionConnection(SessionSettings settings, Transcript transcript) {

    public SessionConnection {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(transcript, "transcript");
    }

    /** Every event so far, in order: a snapshot. */
    public List<TranscriptEvent> events() {
        return transcript.events();
    }
}
