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

    /**
     * What is wrong with a line of a LIST or UIDL response, if anything (RFC 1939 §5, §7): a LIST line is
     * {@code msg-number SP size}, a UIDL line {@code msg-number SP unique-id}, the id 1 to 70 characters from
     * 0x21 to 0x7E.
     */
    public static Optional<String> problem(String line, boolean uidl) {
        String[] words = line.split(" ", -1);
        if (words.length != 2 || !isNumber(words[0])) {
            return Optional.of(uidl ? "a UIDL line is not \"number unique-id\" (RFC 1939 §7)"
                    : "a LIST line is not \"number size\" (RFC 1939 §5)");
        }
        if (!uidl) {
            return isNumber(words[1]) ? Optional.empty() : Optional.of("a LIST line's size is not a number of octets (RFC 1939 §5)");
        }
        String id = words[1];
        if (id.isEmpty() || id.length() > 70 || !id.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            return Optional.of("a unique-id is not 1 to 70 printable characters (0x21 to 0x7E, RFC 1939 §7)");
        }
        return Optional.empty();
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
