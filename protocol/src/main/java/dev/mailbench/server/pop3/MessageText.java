package dev.mailbench.server.pop3;

import dev.mailbench.store.MaildropMessage;
import dev.mailbench.store.NoSuchMessageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message of the open maildrop, opened for RETR (RFC 1939 §5) or TOP (§7): both answer a missing
 * message and an unreadable one the same way.
 *
 * @param number  the message number
 * @param message what the maildrop knows of it, its size among it
 * @param content its stored text, to be streamed and closed by the caller
 */
record MessageText(int number, MaildropMessage message, InputStream content) {
    private static final Logger LOG = LoggerFactory.getLogger(MessageText.class);

    /**
     * Opens message {@code number}, or answers {@code -ERR} and returns empty.
     *
     * @param typed the number as the client typed it, repeated in the "no such message" reply
     */
    static Optional<MessageText> open(Pop3CommandContext session, String typed, int number) throws IOException {
        try {
            MaildropMessage message = session.mailbox().message(number);
            return Optional.of(new MessageText(number, message, session.mailbox().open(number)));
        } catch (NoSuchMessageException e) {
            session.reply(Pop3ServerReply.NO_SUCH_MESSAGE, "number", typed);
        } catch (IOException e) {
            LOG.warn("Message {} of the open maildrop cannot be read", number, e);
            session.reply(Pop3ServerReply.MESSAGE_UNAVAILABLE, "number", String.valueOf(number));
        }
        return Optional.empty();
    }
}
