package dev.mailbench.smtp;

/**
 * The command lines of RFC 5321 §4.1.1 as a client writes them, without CRLF: what a guided form shows
 * before it sends, and what {@link SmtpClientSession#command} then sends unchanged.
 */
public final class SmtpCommandLines {

    private SmtpCommandLines() {
    }

    /** {@code HELO domain} (§4.1.1.1). */
    public static String helo(String domain) {
        return "HELO " + domain.strip();
    }

    /** {@code EHLO domain} (§4.1.1.1). */
    public static String ehlo(String domain) {
        return "EHLO " + domain.strip();
    }

    /**
     * {@code MAIL FROM:<reverse-path> [SP mail-parameters]} (§4.1.1.2). Angle brackets typed around the
     * address are not doubled; a blank address is the null sender {@code <>} of bounces (§4.5.5).
     *
     * @param parameters mail parameters as typed, e.g. {@code SIZE=1024 BODY=8BITMIME}, or blank
     */
    public static String mailFrom(String reversePath, String parameters) {
        String line = "MAIL FROM:<" + path(reversePath) + ">";
        return parameters == null || parameters.isBlank() ? line : line + " " + parameters.strip();
    }

    /** {@code RCPT TO:<forward-path>} (§4.1.1.3). */
    public static String rcptTo(String forwardPath) {
        return "RCPT TO:<" + path(forwardPath) + ">";
    }

    /** {@code VRFY string} (§4.1.1.6). */
    public static String vrfy(String userOrMailbox) {
        return "VRFY " + userOrMailbox.strip();
    }

    /** {@code EXPN string} (§4.1.1.7). */
    public static String expn(String list) {
        return "EXPN " + list.strip();
    }

    /** {@code HELP [SP string]} (§4.1.1.8). */
    public static String help(String topic) {
        return topic == null || topic.isBlank() ? "HELP" : "HELP " + topic.strip();
    }

    /** {@code ETRN node} (RFC 1985 §4). */
    public static String etrn(String node) {
        return "ETRN " + node.strip();
    }

    /** A command that takes no argument: DATA, RSET, NOOP, QUIT, STARTTLS. */
    public static String bare(SmtpVerb verb) {
        return switch (verb) {
            case DATA, RSET, NOOP, QUIT, STARTTLS, HELP -> verb.name();
            default -> throw new IllegalArgumentException(verb + " takes an argument");
        };
    }

    private static String path(String typed) {
        String address = typed.strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        return address;
    }
}
