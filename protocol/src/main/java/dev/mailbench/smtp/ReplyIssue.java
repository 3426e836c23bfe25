package dev.mailbench.smtp;

/**
 * What is wrong with a reply as received; the reply is still delivered so the user sees it. Some issues make the
 * reply malformed ({@link #malforms()}): it breaks the reply syntax of RFC 5321 §4.2, so its code cannot be
 * trusted and a client must not act on it as a success.
 */
public enum ReplyIssue {
    /** A line does not start with a three-digit code (RFC 5321 §4.2). */
    NO_CODE(true, "a line does not start with a three-digit reply code"),
    /** The lines of a multi-line reply carry different codes (RFC 5321 §4.2.1 requires the same). */
    CODE_MISMATCH(true, "the lines of a multi-line reply carry different codes"),
    /** The code is followed by something other than space or hyphen (RFC 5321 §4.2). */
    BAD_SEPARATOR(true, "the code is followed by neither a space nor a hyphen"),
    /** The first digit is not 2 to 5 (RFC 5321 §4.2.1). */
    INVALID_CODE(true, "the code is not a valid SMTP reply code (the first digit must be 2 to 5)"),
    /** The enhanced code's class differs from the reply code's first digit (RFC 2034 §4). */
    ENHANCED_CLASS_MISMATCH(false, "the enhanced status code's class differs from the reply code's first digit"),
    /** A line ends with LF only. */
    BARE_LF(true, "a line ends with a bare LF instead of CRLF"),
    /** A line contains a CR that is not part of CRLF. */
    BARE_CR(true, "a line contains a bare CR"),
    /** A line is longer than 512 octets (RFC 5321 §4.5.3.1.5). */
    OVERLONG(true, "a reply line is longer than the 512 octets RFC 5321 §4.5.3.1.5 allows"),
    /** A line has bytes that are not UTF-8 (replies are US-ASCII, RFC 5321 §4.2). */
    NON_ASCII(false, "a line contains bytes that are not valid UTF-8 (replies should be US-ASCII)"),
    /** A line contains NUL. */
    NUL(true, "a line contains a NUL octet"),
    /** The connection ended in the middle of the reply. */
    TRUNCATED(true, "the connection ended before the reply's last line came");

    private final boolean malforms;
    private final String description;

    ReplyIssue(boolean malforms, String description) {
        this.malforms = malforms;
        this.description = description;
    }

    /**
     * Whether the reply is malformed with this issue: not a reply as RFC 5321 §4.2 writes one (code, then space or
     * hyphen, CRLF-ended lines of at most 512 octets, one code throughout, a last line). A non-ASCII octet or an
     * enhanced code of another class is a fault of the text, not of the reply's form.
     */
    public boolean malforms() {
        return malforms;
    }

    public String description() {
        return description;
    }
}
