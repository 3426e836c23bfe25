package dev.mailbench.pop3;

import java.util.Optional;

/** The answer to STAT (RFC 1939 §5): number of messages and their total size in octets. */
public record MaildropStatus(int messages, long octets) {

    public static Optional<MaildropStatus> parse(Pop3Reply reply) {
        if (!reply.isOk()) {
            return Optional.empty();
        }
        // RFC 1939 §5: "+OK" nn mm, both plain decimal numbers; anything after them is the server's own.
        String[] words = reply.text().trim().split("\\s+");
        if (words.length < 2 || !ScanListing.isNumber(words[0]) || !ScanListing.isNumber(words[1])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MaildropStatus(Integer.parseInt(words[0]), Long.parseLong(words[1])));
        } catch (NumberFormatException e) {
            return Optional.empty(); // too large to be a real count
        }
    }
}
