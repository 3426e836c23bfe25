package dev.mailbench.server.pop3;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One command line as the server splits it (RFC 1939 §3): a case-insensitive keyword, then arguments
 * separated by spaces.
 *
 * @param keyword      the keyword, upper-cased
 * @param argumentText everything after the keyword and the space that follows it, unchanged (PASS may
 *                     contain spaces, RFC 1939 §7)
 * @param arguments    the arguments split at runs of spaces
 */
record Pop3CommandLine(String keyword, String argumentText, List<String> arguments) {

    Pop3CommandLine {
        arguments = List.copyOf(arguments);
    }

    static Pop3CommandLine parse(String line) {
        String text = line.stripLeading();
        int space = text.indexOf(' ');
        String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : text.substring(space + 1);
        String trimmed = rest.strip();
        List<String> arguments = trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split(" +"));
        return new Pop3CommandLine(keyword, rest, arguments);
    }

    String argument(int index) {
        return arguments.get(index);
    }
}
