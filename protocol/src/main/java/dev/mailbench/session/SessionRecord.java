package dev.mailbench.session;

import dev.mailbench.wire.TranscriptEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A session as a session file keeps it ({@link SessionFile}): its connections, each with its settings and
 * transcript, and what went wrong reading it. What exports, the ladder and replays take a session from.
 *
 * @param version       the session format version the file was written in ({@link SessionFile#VERSION} for a
 *                      session made here)
 * @param saved         when it was saved (for a live session: when the record was made)
 * @param mailbench     the version of Mailbench that wrote it, or empty when not known
 * @param passwordsKept whether passwords were written in clear; otherwise every line that carried one holds the
 *                      mask ({@code PASS ••••••})
 * @param connections   the connections, in the order they were made
 * @param problems      what was wrong with the file, in the order found; empty for a sound file
 */
public record SessionRecord(int version, Instant saved, String mailbench, boolean passwordsKept,
                            List<SessionConnection> connections, List<SessionProblem> problems) {

    public SessionRecord {
        Objects.requireNonNull(saved, "saved");
        Objects.requireNonNull(mailbench, "mailbench");
        connections = List.copyOf(connections);
        problems = List.copyOf(problems);
    }

    /** A live session, to be saved: made now, in the current format, with nothing wrong. */
    public static SessionRecord of(List<SessionConnection> connections, String mailbench) {
        return new SessionRecord(SessionFile.VERSION, Instant.now(), mailbench, false, connections, List.of());
    }

    /** A session of one connection, made now. */
    public static SessionRecord of(SessionConnection connection, String mailbench) {
        return of(List.of(connection), mailbench);
    }

    /**
     * Every event of every connection, in order. Each event's {@link TranscriptEvent#transcript()} says which
     * connection it belongs to; sequence numbers start at 0 again with each connection.
     */
    public List<TranscriptEvent> events() {
        List<TranscriptEvent> events = new ArrayList<>();
        connections.forEach(connection -> events.addAll(connection.events()));
        return events;
    }

    /**
     * Where the session went: its first connection's settings (a session of several connections names each in
     * {@link #connections()}).
     *
     * @throws IllegalStateException when the record has no connection (a file broken before its first)
     */
    public SessionSettings settings() {
        if (connections.isEmpty()) {
            throw new IllegalStateException("the session has no connection");
        }
        return connections.get(0).settings();
    }

    /** Whether the file was written by a newer Mailbench, in a format version this one does not know. */
    public boolean newerVersion() {
        return version > SessionFile.VERSION;
    }

    /** Whether the file was read whole, with nothing wrong. */
    public boolean sound() {
        return problems.isEmpty();
    }
}
