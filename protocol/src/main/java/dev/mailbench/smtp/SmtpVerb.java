package dev.mailbench.smtp;

import java.util.Locale;
import java.util.Optional;

/**
 * The SMTP commands Mailbench knows, with the RFC section that defines each. When a command may be given is
 * decided by {@link SmtpState#isLegal}; explanations live in the catalogue of the explain package.
 */
public enum SmtpVerb {
    HELO("RFC 5321 §4.1.1.1"),
    EHLO("RFC 5321 §4.1.1.1"),
    STARTTLS("RFC 3207 §4"),
    AUTH("RFC 4954 §4"),
    MAIL("RFC 5321 §4.1.1.2"),
    RCPT("RFC 5321 §4.1.1.3"),
    DATA("RFC 5321 §4.1.1.4"),
    RSET("RFC 5321 §4.1.1.5"),
    VRFY("RFC 5321 §4.1.1.6"),
    EXPN("RFC 5321 §4.1.1.7"),
    HELP("RFC 5321 §4.1.1.8"),
    NOOP("RFC 5321 §4.1.1.9"),
    ETRN("RFC 1985 §4"),
    QUIT("RFC 5321 §4.1.1.10");

    private final String rfcSection;

    SmtpVerb(String rfcSection) {
        this.rfcSection = rfcSection;
    }

    public String rfcSection() {
        return rfcSection;
    }

    /** The verb a command line starts with; verbs are case-insensitive (RFC 5321 §2.4). */
    public static Optional<SmtpVerb> of(String commandLine) {
        String word = firstWord(commandLine);
        for (SmtpVerb verb : values()) {
            if (verb.name().equals(word)) {
                return Optional.of(verb);
            }
        }
        return Optional.empty();
    }

    /** The first word of a command line, upper-cased ({@code "mail from:<a>"} → {@code "MAIL"}). */
    public static String firstWord(String commandLine) {
        String trimmed = commandLine.stripLeading();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end)) && trimmed.charAt(end) != ':') {
            end++;
        }
        return trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
