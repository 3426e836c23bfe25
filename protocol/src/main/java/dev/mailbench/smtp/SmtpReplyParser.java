package dev.mailbench.smtp;

import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineEnding;
import dev.mailbench.wire.LineIssue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Assembles reply lines into replies (RFC 5321 §4.2): {@code 250-} continues, {@code 250 } (or a bare
 * {@code 250}) ends. Fed one line at a time, so it works with lines as they arrive. Never throws on what a
 * server sends: whatever is malformed is recorded as a {@link ReplyIssue} and the reply is still delivered.
 */
public final class SmtpReplyParser {
    /** RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets including the reply code and CRLF. */
    public static final int MAX_REPLY_LINE = 512;

    private int code = -1;
    private final List<String> lines = new ArrayList<>();
    private final EnumSet<ReplyIssue> issues = EnumSet.noneOf(ReplyIssue.class);
    /** The first pieces of a line too long for the reader to hold at once ({@link LineIssue#SPLIT}). */
    private final ByteArrayOutputStream pieces = new ByteArrayOutputStream();

    /** Takes the next line; returns the reply when this line completed one, else null. */
    public SmtpReply accept(Line line) {
        noteLineIssues(line);
        if (line.has(LineIssue.SPLIT)) {
            // More of the same line follows: its code and separator are judged once it is whole.
            pieces.writeBytes(line.content());
            return null;
        }
        String text = line.text();
        if (pieces.size() > 0) {
            pieces.writeBytes(line.content());
            text = pieces.toString(StandardCharsets.UTF_8);
            pieces.reset();
        }
        boolean hasCode = text.length() >= 3 && isAsciiDigit(text.charAt(0))
                && isAsciiDigit(text.charAt(1)) && isAsciiDigit(text.charAt(2));
        if (!hasCode) {
            issues.add(ReplyIssue.NO_CODE);
            lines.add(text);
            // A first line with no code cannot be a reply in progress: deliver it at once rather than wait for
            // a terminating line that may never come. Inside a multi-line reply, keep reading.
            if (code < 0 || line.ending() == LineEnding.NONE) {
                if (code < 0) {
                    code = 0;
                }
                return finish();
            }
            return null;
        }
        int lineCode = Integer.parseInt(text.substring(0, 3));
        if (code < 0) {
            code = lineCode;
            if (lineCode < 200 || lineCode > 599) {
                issues.add(ReplyIssue.INVALID_CODE);
            }
        } else if (code != lineCode && code != 0) {
            issues.add(ReplyIssue.CODE_MISMATCH);
        }
        if (text.length() == 3) {
            lines.add("");
            return finish();
        }
        char separator = text.charAt(3);
        if (separator == '-' && line.ending() != LineEnding.NONE) {
            lines.add(text.substring(4));
            return null;
        }
        if (separator == ' ' || separator == '-') {
            lines.add(text.substring(4));
        } else {
            issues.add(ReplyIssue.BAD_SEPARATOR);
            lines.add(text.substring(3));
        }
        return finish();
    }

    /** True while a multi-line reply has started and not ended. */
    public boolean inProgress() {
        return code >= 0 || pieces.size() > 0;
    }

    /** RFC 5321 §4.2: a reply code is three ASCII digits; other scripts' digits are not a code. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void noteLineIssues(Line line) {
        if (line.has(LineIssue.BARE_LF)) {
            issues.add(ReplyIssue.BARE_LF);
        }
        if (line.has(LineIssue.BARE_CR)) {
            issues.add(ReplyIssue.BARE_CR);
        }
        if (line.rawLength() > MAX_REPLY_LINE || line.has(LineIssue.OVERLONG) || line.has(LineIssue.SPLIT)) {
            issues.add(ReplyIssue.OVERLONG);
        }
        if (line.has(LineIssue.INVALID_UTF8)) {
            issues.add(ReplyIssue.NON_ASCII);
        }
        if (line.has(LineIssue.NUL)) {
            issues.add(ReplyIssue.NUL);
        }
        if (line.has(LineIssue.UNTERMINATED)) {
            issues.add(ReplyIssue.TRUNCATED);
        }
    }

    private SmtpReply finish() {
        EnhancedStatus enhanced = lines.isEmpty() ? null : EnhancedStatus.atStartOf(lines.get(0)).orElse(null);
        if (enhanced != null && code > 0 && enhanced.klass() != code / 100) {
            issues.add(ReplyIssue.ENHANCED_CLASS_MISMATCH);
        }
        SmtpReply reply = new SmtpReply(Math.max(code, 0), lines, enhanced, issues);
        code = -1;
        lines.clear();
        issues.clear();
        return reply;
    }
}
