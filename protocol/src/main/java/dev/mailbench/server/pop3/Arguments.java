package dev.mailbench.server.pop3;

import java.io.IOException;
import java.util.OptionalInt;

/** Argument checks the handlers share; each answers the error itself, so a handler just returns. */
final class Arguments {
    private Arguments() {
    }

    /** Whether the command has between {@code min} and {@code max} arguments; if not, {@code -ERR} with the usage. */
    static boolean count(Pop3ServerSession session, Pop3CommandLine line, int min, int max, String usage)
            throws IOException {
        int n = line.arguments().size();
        if (n < min || n > max) {
            session.error(Pop3ServerReply.INVALID_ARGUMENTS, "usage", usage);
            return false;
        }
        return true;
    }

    /**
     * A decimal number (RFC 1939 §5 message numbers, §7 TOP's line count). A number too large for an int is
     * taken as the largest int: no such message, or all lines.
     */
    static OptionalInt number(Pop3ServerSession session, String argument, String usage) throws IOException {
        if (argument.isEmpty() || !argument.chars().allMatch(c -> c >= '0' && c <= '9')) {
            session.error(Pop3ServerReply.INVALID_ARGUMENTS, "usage", usage);
            return OptionalInt.empty();
        }
        String digits = argument.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 9) {
            return OptionalInt.of(Integer.MAX_VALUE);
        }
        return OptionalInt.of(Integer.parseInt(digits));
    }
}
