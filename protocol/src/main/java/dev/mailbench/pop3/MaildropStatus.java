package dev.mailbench.pop3;

import java.util.Optional;

/** The answer to STAT (RFC 1939 §5): number of messages and their total size in octets. */
public record MaildropStatus(int messages, long octets) {

    public static Optional<MaildropStatus> parse(Pop3Reply reply) {
        if (!reply.isOk()) {
            return Optional.empty();
        }
        String[] words = reply.text().trim().split("\\s+");
        try {
            return Optional.of(new MaildropStatus(Integer.parseInt(words[0]), Long.parseLong(words[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
