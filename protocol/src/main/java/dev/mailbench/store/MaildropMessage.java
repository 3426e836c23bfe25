package dev.mailbench.store;

/**
 * A message as a POP3 session numbers it: what {@code LIST} and {@code UIDL} report (RFC 1939 §5, §7).
 *
 * @param number     the message number, 1-based, fixed for the whole session
 * @param uid        the unique-id, stable across sessions
 * @param sizeOctets the exact size in octets
 */
public record MaildropMessage(int number, String uid, long sizeOctets) {
}
