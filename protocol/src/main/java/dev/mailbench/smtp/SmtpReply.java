package dev.mailbench.smtp;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A server reply (RFC 5321 §4.2): a three-digit code, its text lines, the enhanced status code when present
 * (RFC 3463), and anything malformed about it. A reply that had no code at all has code 0.
 *
 * @param code     the reply code of the first line, or 0 when the first line had none
 * @param lines    the text of each line after the code and separator, in order
 * @param enhanced the enhanced status code at the start of the first line's text, or null
 * @param issues   rule breaks found while reading it
 */
public record SmtpReply(int code, List<String> lines, EnhancedStatus enhanced, Set<ReplyIssue> issues) {

    public SmtpReply {
        lines = List.copyOf(lines);
        issues = Set.copyOf(issues);
    }

    /** A well-formed reply, as a server composes it. */
    public static SmtpReply of(int code, String... lines) {
        String first = lines.length == 0 ? "" : lines[0];
        return new SmtpReply(code, List.of(lines), EnhancedStatus.atStartOf(first).orElse(null), Set.of());
    }

    public Optional<EnhancedStatus> enhancedStatus() {
        return Optional.ofNullable(enhanced);
    }

    /** 2yz: the requested action was completed (RFC 5321 §4.2.1). */
    public boolean isPositive() {
        return code / 100 == 2;
    }

    /** 3yz: accepted, waiting for more (354 for DATA, 334 for AUTH). */
    public boolean isIntermediate() {
        return code / 100 == 3;
    }

    /** 4yz: failed this time, worth retrying later. */
    public boolean isTransient() {
        return code / 100 == 4;
    }

    /** 5yz: failed, do not repeat as is. */
    public boolean isPermanent() {
        return code / 100 == 5;
    }

    /** Whether the reply breaks the reply syntax (RFC 5321 §4.2, §4.5.3.1.5): its code cannot be acted on. */
    public boolean isMalformed() {
        return malformation().isPresent();
    }

    /** The first issue that makes the reply malformed ({@link ReplyIssue#malforms()}), in the order of the enum. */
    public Optional<ReplyIssue> malformation() {
        return issues.stream().filter(ReplyIssue::malforms).sorted().findFirst();
    }

    /** The text of all lines joined with newlines. */
    public String text() {
        return String.join("\n", lines);
    }

    /** The text of the first line without its enhanced status code. */
    public String message() {
        String first = lines.isEmpty() ? "" : lines.get(0);
        if (enhanced == null || EnhancedStatus.atStartOf(first).isEmpty()) {
            return first;
        }
        // Skip the code as written ("2.01.5" is valid too, RFC 3463 §2), not as re-printed ("2.1.5").
        int space = first.indexOf(' ');
        return space < 0 ? "" : first.substring(space + 1).stripLeading();
    }

    /** The reply as it would be written on the wire, without CRLF: {@code 250-first} … {@code 250 last}. */
    public List<String> wireLines() {
        if (lines.isEmpty()) {
            return List.of(String.valueOf(code));
        }
        return IntStream.range(0, lines.size())
                .mapToObj(i -> code + (i < lines.size() - 1 ? "-" : " ") + lines.get(i))
                .collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return String.join(" / ", wireLines());
    }
}
