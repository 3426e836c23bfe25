/**
 * The practice server's mail store: one Maildir per user on disk.
 *
 * <p>Delivery follows the Maildir convention (D. J. Bernstein, "Using maildir format"): a message is
 * written to {@code tmp/} under a unique name, forced to disk, renamed into {@code new/}, and the
 * {@code new/} directory is forced so the rename itself survives a crash. A message is therefore
 * either wholly visible or not visible at all. Messages are kept as the exact octets received, so a
 * POP3 {@code RETR} returns them unchanged and {@code LIST} sizes are file sizes (RFC 1939 §5).
 *
 * <p>POP3 access goes through a {@link dev.mailbench.store.MailboxSession}, which holds an exclusive
 * lock on the mailbox (RFC 1939 §8, RFC 2449 §8 {@code [IN-USE]}) and a snapshot of its messages.
 *
 * <p>This package knows no protocol session: the SMTP and POP3 servers call into it, never the other
 * way round. They see it only through their own seam, {@code dev.mailbench.server.MailBackend}, which
 * {@code dev.mailbench.server.practice.MaildirBackend} adapts to this store.
 */
package dev.mailbench.store;
