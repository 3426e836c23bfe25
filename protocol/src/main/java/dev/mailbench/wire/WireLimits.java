package dev.mailbench.wire;

/**
 * Line-length limits for reading.
 *
 * @param maxLineLength longest line (terminator included) the RFCs allow; longer ones are flagged
 *                      {@link LineIssue#OVERLONG}. RFC 5321 §4.5.3.1.6: 1000 octets for text lines;
 *                      §4.5.3.1.5: 512 for reply lines ({@link #withMaxLineLength}). Command lines are shorter
 *                      (512, §4.5.3.1.4; POP3 255, RFC 2449 §4): the dialogue readers flag those, as a line
 *                      reader cannot tell a command from a text line.
 * @param holdLimit     longest piece held in memory as one line; a longer line is delivered in pieces
 *                      flagged {@link LineIssue#SPLIT}, so a hostile peer cannot exhaust memory.
 * @param lfEndsLine    whether a bare LF ends a line (flagged {@link LineIssue#BARE_LF}). Clients accept it
 *                      to show what a sloppy server sends; a server reading DATA must not, or it becomes
 *                      open to SMTP smuggling (only CRLF.CRLF ends a message, RFC 5321 §4.1.1.4).
 */
public record WireLimits(int maxLineLength, int holdLimit, boolean lfEndsLine) {
    /** RFC limits, bare LF ends a line (what a client reading replies wants). */
    public static final WireLimits RFC = new WireLimits(1000, 1 << 20, true);
    /** RFC limits, only CRLF ends a line (what a server reading commands and DATA wants). */
    public static final WireLimits STRICT_CRLF = new WireLimits(1000, 1 << 20, false);

    /** These limits with another longest allowed line, e.g. 512 for SMTP reply lines (RFC 5321 §4.5.3.1.5). */
    public WireLimits withMaxLineLength(int length) {
        return new WireLimits(length, Math.max(holdLimit, length), lfEndsLine);
    }

    public WireLimits {
        if (maxLineLength < 3 || holdLimit < maxLineLength) {
            throw new IllegalArgumentException("need 3 <= maxLineLength <= holdLimit");
        }
    }
}
