package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.io.IOException;
import java.util.OptionalInt;

/**
 * Argument checks the handlers share, against the arguments {@link Pop3Verb} defines; each answers the
 * error itself, with the verb's syntax as the usage, so a handler just returns. Also how an argument a
 * client typed is {@linkplain #shown shown} in a reply.
 */
final class Arguments {
    private Arguments() {
    }

    /** Whether the command has as many arguments as its verb takes; if not, {@code -ERR} with the usage. */
    static boolean count(Pop3CommandContext session, Pop3CommandLine line, Pop3Verb verb) throws IOException {
        int n = line.arguments().size();
        long required = verb.arguments().stream().filter(argument -> !argument.optional()).count();
        if (n < required || n > verb.arguments().size()) {
            session.error(Pop3ServerReply.INVALID_ARGUMENTS, "usage", verb.syntax());
            return false;
        }
        return true;
    }

    /**
     * A decimal number (RFC 1939 §5 message numbers, §7 TOP's line count). A number too large for an int is
     * taken as the largest int: no such message, or all lines.
     */
    static OptionalInt number(Pop3CommandContext session, String argument, Pop3Verb verb) throws IOException {
        if (argument.isEmpty() || !argument.chars().allMatch(c -> c >= '0' && c <= '9')) {
            session.error(Pop3ServerReply.INVALID_ARGUMENTS, "usage", verb.syntax());
            return OptionalInt.empty();
        }
        String digits = argument.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 9) {
            return OptionalInt.of(Integer.MAX_VALUE);
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }

    /** What a client typed, safe to put in a reply line: printable ASCII, at most 40 characters. */
    static String shown(String typed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < typed.length() && out.length() < 40; i++) {
            char c = typed.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }
}
