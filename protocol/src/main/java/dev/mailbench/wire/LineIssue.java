package dev.mailbench.wire;

/** Something about a line that the RFCs do not allow and that Mailbench reports rather than hides. */
public enum LineIssue {
    /** Terminated by LF without CR (RFC 5321 §2.3.8, RFC 1939 §3 require CRLF). */
    BARE_LF("bare LF: a line feed without the carriage return the RFCs require"),
    /** Contains a CR that is not followed by LF (RFC 5321 §2.3.8). */
    BARE_CR("line contains a bare CR"),
    /**
     * Longer than the reader's limit, CRLF included: 1000 octets for a text line (RFC 5321 §4.5.3.1.6), 512 for
     * an SMTP reply line (§4.5.3.1.5). The shorter limits of command lines (512 in SMTP, §4.5.3.1.4; 255 in POP3,
     * RFC 2449 §4) are the dialogue readers' ({@code SmtpDialogue}, {@code Pop3Dialogue}).
     */
    OVERLONG("line is longer than the protocol allows (CRLF included: 1000 octets for a text line, 512 for an SMTP reply line)"),
    /** Contains a NUL octet, which no text line may carry (RFC 5322 §2.1). */
    NUL("line contains a NUL octet"),
    /** Contains octets above 127 that are not valid UTF-8. */
    INVALID_UTF8("line contains bytes that are not valid UTF-8"),
    /** The connection ended before the line was terminated. */
    UNTERMINATED("connection ended before the line was terminated"),
    /** The line was too long to hold and continues in the next event. */
    SPLIT("line was too long to hold in one piece and continues in the next event");

    private final String description;

    LineIssue(String description) {
        this.description = description;
    }

    /** One sentence for the transcript's detail pane. */
    public String description() {
        return description;
    }
}
