package dev.mailbench.pop3;

import java.util.Locale;
import java.util.Optional;

/** The POP3 commands Mailbench knows, with the RFC section of each. */
public enum Pop3Verb {
    CAPA("RFC 2449 §5"),
    STLS("RFC 2595 §4"),
    USER("RFC 1939 §7"),
    PASS("RFC 1939 §7"),
    APOP("RFC 1939 §7"),
    AUTH("RFC 5034 §4"),
    STAT("RFC 1939 §5"),
    LIST("RFC 1939 §5"),
    UIDL("RFC 1939 §7"),
    RETR("RFC 1939 §5"),
    TOP("RFC 1939 §7"),
    DELE("RFC 1939 §5"),
    RSET("RFC 1939 §5"),
    NOOP("RFC 1939 §5"),
    QUIT("RFC 1939 §6");

    private final String rfcSection;

    Pop3Verb(String rfcSection) {
        this.rfcSection = rfcSection;
    }

    public String rfcSection() {
        return rfcSection;
    }

    /** The verb a command line starts with; keywords are case-insensitive (RFC 1939 §3). */
    public static Optional<Pop3Verb> of(String commandLine) {
        String word = firstWord(commandLine);
        for (Pop3Verb verb : values()) {
            if (verb.name().equals(word)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }

    public static String firstWord(String commandLine) {
        String trimmed = commandLine.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    }

    /**
     * Whether a positive answer to this command line is multi-line (RFC 1939 §3): LIST and UIDL without an
     * argument, RETR, TOP, and CAPA (RFC 2449 §5).
     */
    public static boolean expectsMultiLine(String commandLine) {
        String[] words = commandLine.strip().split("\\s+");
        String verb = words[0].toUpperCase(Locale.ROOT);
        return switch (verb) {
            case "LIST", "UIDL" -> words.length == 1;
            case "RETR", "TOP", "CAPA" -> true;
            default -> false;
        };
    }
}
