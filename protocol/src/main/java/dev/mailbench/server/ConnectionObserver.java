package dev.mailbench.server;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;

/**
 * Told of every connection the practice server accepts, with the transcript it will fill (the server's own view),
 * and again when it has ended.
 */
@FunctionalInterface
public interface ConnectionObserver {
    ConnectionObserver NONE = (protocol, remote, transcript) -> { };

    /**
     * @param protocol   which server accepted it
     * @param remote     the client's address and port
     * @param transcript the connection's transcript, server lines outgoing
     */
    void opened(MailProtocol protocol, String remote, Transcript transcript);

    /**
     * The connection has ended, however it did, and its socket is closed: the transcript is complete. Runs on
     * the connection's own thread, so an observer that keeps it (on disk) hands the work to a thread of its own.
     */
    default void ended(EndedConnection connection) {
    }
}
