package dev.mailbench.pop3;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The "scan listings" of LIST and the "unique-id listings" of UIDL (RFC 1939 §5, §7): a message number and
 * a value (size in octets, or unique id) per message.
 */
public record ScanListing(int number, String value) {

    /** Parses a multi-line LIST/UIDL body, or the single line of {@code LIST n} / {@code UIDL n}. */
    public static List<ScanListing> parse(Pop3Reply reply) {
        List<ScanListing> listings = new ArrayList<>();
        if (!reply.isOk()) {
            return listings;
        }
        if (reply.multiLine()) {
            reply.bodyLines().forEach(line -> parseLine(line).ifPresent(listings::add));
        } else {
            parseLine(reply.text()).ifPresent(listings::add);
        }
        return listings;
    }

    /** One listing line, "number value" (RFC 1939 §5, §7), or empty when the line is not one. */
    public static Optional<ScanListing> parseLine(String line) {
        String[] words = line.trim().split("\\s+");
        // RFC 1939 §5: a message number is a plain decimal number, no sign.
        if (words.length < 2 || !isNumber(words[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ScanListing(Integer.parseInt(words[0]), words[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Digits only: Java's number parsing would also take a sign. */
    static boolean isNumber(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The value as a size in octets (for LIST). */
    public long size() {
        return Long.parseLong(value);
    }
}
