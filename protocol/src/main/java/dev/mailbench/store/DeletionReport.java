package dev.mailbench.store;

import java.util.List;

/**
 * What the POP3 UPDATE state did (RFC 1939 §6): the server answers {@code +OK} when every marked message
 * was removed, and {@code -ERR some deleted messages not removed} otherwise.
 *
 * @param removed       how many marked messages are gone
 * @param notRemovedUids the unique-ids of marked messages that could not be removed
 */
public record DeletionReport(int removed, List<String> notRemovedUids) {

    public DeletionReport {
        notRemovedUids = List.copyOf(notRemovedUids);
    }

    public boolean complete() {
        return notRemovedUids.isEmpty();
    }
}
