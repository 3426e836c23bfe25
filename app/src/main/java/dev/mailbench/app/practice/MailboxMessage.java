package dev.mailbench.app.practice;

import dev.mailbench.mime.MessageSummary;
import dev.mailbench.store.StoredMessage;

/**
 * A message in a practice mailbox, as the panel lists it.
 *
 * @param stored  the message file in the Maildir
 * @param summary its From and Subject, decoded
 */
public record MailboxMessage(StoredMessage stored, MessageSummary summary) {
}
