package dev.mailbench.server.smtp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.mailbench.smtp.Mailbox;

/**
 * The argument of MAIL ({@code FROM:<reverse-path> [parameters]}) or RCPT ({@code TO:<forward-path>
 * [parameters]}), RFC 5321 §4.1.2, read the way most servers read it.
 *
 * <p>Strictly the path is always in angle brackets and nothing stands between the colon and it. Real clients
 * and the walkthroughs (000, 004: {@code mail from:miro@miro.com}) often leave the brackets out or put a space
 * after the colon; like Postfix's default ({@code strict_rfc821_envelopes = no}) the server accepts both,
 * because refusing a form every telnet tutorial teaches would hide the lesson behind a syntax error. What is
 * not accepted: a missing keyword or colon, an empty path without brackets ({@code MAIL FROM:}), unbalanced
 * brackets, and addresses that are not {@code local-part@domain}.
 */
public final class PathArgument {

    /** How the argument failed to parse. */
    public enum Problem {
        /** No "FROM:"/"TO:", or nothing after it: {@code 501 5.5.4} with the syntax. */
        SYNTAX,
        /** The address inside is not an address: {@code 501 5.1.7} / {@code 5.1.3}. */
        BAD_ADDRESS
    }

    /** The outcome: a path and its parameters, or a problem with the text that caused it. */
    public record Parsed(Optional<PathArgument> path, Problem problem, String offending) {
        static Parsed ok(PathArgument path) {
            return new Parsed(Optional.of(path), null, "");
        }

        static Parsed failed(Problem problem, String offending) {
            return new Parsed(Optional.empty(), problem, offending);
        }
    }

    private final String address;
    private final Map<String, String> parameters;

    private PathArgument(String address, Map<String, String> parameters) {
        this.address = address;
        this.parameters = parameters;
    }

    /** The address without brackets or source route; empty for the null path {@code <>}. */
    public String address() {
        return address;
    }

    /** Parameters by upper-case keyword; a keyword without value maps to an empty string. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * Parses the text after the verb.
     *
     * @param argument      e.g. {@code "FROM:<alice@example.test> SIZE=1000"}
     * @param keyword       {@code "FROM"} or {@code "TO"}
     * @param allowNullPath whether {@code <>} is allowed (MAIL only, RFC 5321 §4.5.5)
     */
    public static Parsed parse(String argument, String keyword, boolean allowNullPath) {
        String prefix = keyword + ":";
        if (argument.length() < prefix.length() || !argument.substring(0, prefix.length()).equalsIgnoreCase(prefix)) {
            return Parsed.failed(Problem.SYNTAX, argument);
        }
        String rest = argument.substring(prefix.length()).stripLeading();
        if (rest.isEmpty()) {
            return Parsed.failed(Problem.SYNTAX, argument);
        }
        String path;
        String afterPath;
        if (rest.startsWith("<")) {
            int close = closingBracket(rest);
            if (close < 0) {
                return Parsed.failed(Problem.BAD_ADDRESS, rest);
            }
            path = rest.substring(1, close);
            afterPath = rest.substring(close + 1);
            if (!afterPath.isEmpty() && afterPath.charAt(0) != ' ') {
                return Parsed.failed(Problem.BAD_ADDRESS, rest);
            }
        } else {
            int space = rest.indexOf(' ');
            path = space < 0 ? rest : rest.substring(0, space);
            afterPath = space < 0 ? "" : rest.substring(space);
            if (path.contains("<") || path.contains(">")) {
                return Parsed.failed(Problem.BAD_ADDRESS, path);
            }
        }
        Optional<Map<String, String>> parameters = parameters(afterPath);
        if (parameters.isEmpty()) {
            return Parsed.failed(Problem.SYNTAX, argument);
        }
        if (path.isEmpty()) {
            return allowNullPath && rest.startsWith("<")
                    ? Parsed.ok(new PathArgument("", parameters.get()))
                    : Parsed.failed(Problem.BAD_ADDRESS, "");
        }
        String mailbox = withoutSourceRoute(path);
        if (!isMailbox(mailbox) && !(keyword.equals("TO") && mailbox.equalsIgnoreCase("postmaster"))) {
            return Parsed.failed(Problem.BAD_ADDRESS, path);
        }
        return Parsed.ok(new PathArgument(mailbox, parameters.get()));
    }

    /** Whether the text is {@code local-part@domain} within RFC 5321's limits ({@link Mailbox#isMailbox}). */
    public static boolean isMailbox(String mailbox) {
        return Mailbox.isMailbox(mailbox);
    }

    /** RFC 5321 §4.1.1.3 / Appendix C: a source route {@code @a,@b:user@c} must be accepted and ignored. */
    private static String withoutSourceRoute(String path) {
        if (path.startsWith("@")) {
            int colon = path.indexOf(':');
            if (colon > 0) {
                return path.substring(colon + 1);
            }
        }
        return path;
    }

    /** The index of the '>' closing the path, skipping a quoted local part; -1 if there is none. */
    private static int closingBracket(String text) {
        boolean quoted = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            } else if (c == '<' && !quoted) {
                return -1;
            }
        }
        return -1;
    }

    /** RFC 5321 §4.1.2: {@code esmtp-param *(SP esmtp-param)}, each {@code keyword["=" value]}. */
    private static Optional<Map<String, String>> parameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String word : text.trim().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            int eq = word.indexOf('=');
            String name = (eq < 0 ? word : word.substring(0, eq)).toUpperCase(Locale.ROOT);
            String value = eq < 0 ? "" : word.substring(eq + 1);
            if (!name.matches("[A-Z0-9][A-Z0-9-]*") || (eq >= 0 && value.isEmpty())) {
                return Optional.empty();
            }
            parameters.put(name, value);
        }
        return Optional.of(parameters);
    }
}
