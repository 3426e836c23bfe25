package dev.mailbench.smtp;

/**
 * How an {@link SmtpDialogue} read one transcript line.
 *
 * @param role       the part the line plays
 * @param leadingDot for message text: the line starts with a transparency dot, added by dot-stuffing and removed
 *                   by the server (RFC 5321 §4.5.2)
 * @param answers    for a reply line: the turn its reply answers, or null when no turn was waiting (unsolicited)
 * @param replyStart for a reply line: whether it is the first line of its reply
 * @param reply      for a reply line that completes its reply: the reply; otherwise null
 */
public record SmtpLineReading(SmtpLineRole role, boolean leadingDot, SmtpTurn answers, boolean replyStart,
                              SmtpReply reply) {

    static final SmtpLineReading NOTE = new SmtpLineReading(SmtpLineRole.NOTE, false, null, false, null);
    static final SmtpLineReading PARTIAL = new SmtpLineReading(SmtpLineRole.PARTIAL, false, null, false, null);
    static final SmtpLineReading TEXT = new SmtpLineReading(SmtpLineRole.MESSAGE_TEXT, false, null, false, null);
    static final SmtpLineReading DOTTED_TEXT = new SmtpLineReading(SmtpLineRole.MESSAGE_TEXT, true, null, false, null);

    /** Whether this line completes a reply. */
    public boolean completesReply() {
        return reply != null;
    }
}
