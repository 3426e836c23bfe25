package dev.mailbench.store;

/**
 * How many messages a mailbox holds and their total size: what a POP3 {@code STAT} reports as
 * "+OK nn mm" (RFC 1939 §5) and what the practice-server panel shows.
 *
 * @param messageCount number of messages
 * @param totalOctets  sum of their sizes in octets
 */
public record MailboxSummary(int messageCount, long totalOctets) {

    public static final MailboxSummary EMPTY = new MailboxSummary(0, 0);
}
