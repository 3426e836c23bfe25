package dev.mailbench.lesson;

import java.io.IOException;
import java.util.List;

/**
 * Where after-the-fact checking finds the connections to read: the practice server's kept transcripts
 * (read by {@code mailbench lesson check}), a saved session, a test's list.
 */
@FunctionalInterface
public interface TranscriptSource {

    /** Every recorded connection, oldest first. */
    List<RecordedSession> sessions() throws IOException;
}
