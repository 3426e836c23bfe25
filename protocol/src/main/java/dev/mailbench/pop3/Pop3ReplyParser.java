package dev.mailbench.pop3;

import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineEnding;
import dev.mailbench.wire.LineIssue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Assembles POP3 responses from lines. Whether a positive response is multi-line depends on the command
 * (RFC 1939 §3), so the caller says so for each response. Never throws on what a server sends.
 */
public final class Pop3ReplyParser {
    /** RFC 2449 §8: a response code is in square brackets right after the status indicator. */
    private static final Pattern RESPONSE_CODE = Pattern.compile("^\\[([^\\]\\s]+)\\]");
    /** The size a RETR response announces, as RFC 1939 §7's example does: {@code +OK 120 octets}. */
    private static final Pattern OCTETS = Pattern.compile("^(\\d{1,10}) octets", Pattern.CASE_INSENSITIVE);
    /** RFC 2449 §4: a response line is at most 512 octets including CRLF. */
    private static final int MAX_RESPONSE_LINE = 512;

    private Pop3Reply.Status status;
    private String text;
    private String responseCode;
    private BodyBuffer body;
    /** In a body, whether the next line starts a line, rather than continuing a {@link LineIssue#SPLIT} one. */
    private boolean atLineStart = true;
    /** The first pieces of a status line too long for the reader to hold at once. */
    private final ByteArrayOutputStream statusPieces = new ByteArrayOutputStream();
    private boolean statusPiecesInvalidUtf8;
    private final Set<String> issues = new LinkedHashSet<>();

    /** Takes the next line; returns the response when complete, else null. */
    public Pop3Reply accept(Line line, boolean multiLineIfOk) {
        if (body != null) {
            return acceptBodyLine(line);
        }
        if (line.has(LineIssue.SPLIT)) {
            // More of the same status line follows: judge it once it is whole.
            statusPieces.writeBytes(line.content());
            statusPiecesInvalidUtf8 |= line.has(LineIssue.INVALID_UTF8);
            return null;
        }
        String first = line.text();
        int rawLength = line.rawLength();
        boolean invalidUtf8 = line.has(LineIssue.INVALID_UTF8);
        if (statusPieces.size() > 0) {
            rawLength += statusPieces.size();
            statusPieces.writeBytes(line.content());
            first = statusPieces.toString(StandardCharsets.UTF_8);
            invalidUtf8 |= statusPiecesInvalidUtf8;
            statusPieces.reset();
            statusPiecesInvalidUtf8 = false;
        }
        if (line.has(LineIssue.BARE_LF)) {
            issues.add("the status line ends with a bare LF");
        }
        if (rawLength > MAX_RESPONSE_LINE) {
            issues.add("the status line is longer than 512 octets (RFC 2449 §4)");
        }
        if (invalidUtf8) {
            issues.add("the status line has bytes that are not valid UTF-8");
        }
        String upper = first.toUpperCase(Locale.ROOT);
        if (upper.startsWith("+OK")) {
            status = Pop3Reply.Status.OK;
            text = rest(first, 3);
        } else if (upper.startsWith("-ERR")) {
            status = Pop3Reply.Status.ERR;
            text = rest(first, 4);
        } else if (first.startsWith("+ ") || first.equals("+")) {
            // RFC 5034 §4: a continuation carrying a base64 challenge during AUTH.
            status = Pop3Reply.Status.CONTINUATION;
            text = first.length() > 2 ? first.substring(2) : "";
            return finish(false);
        } else {
            status = Pop3Reply.Status.MALFORMED;
            text = first;
            issues.add("the response starts with neither +OK nor -ERR");
            return finish(false);
        }
        Matcher code = RESPONSE_CODE.matcher(text);
        if (code.find()) {
            responseCode = code.group(1).toUpperCase(Locale.ROOT);
        }
        if (status == Pop3Reply.Status.OK && multiLineIfOk && !line.has(LineIssue.UNTERMINATED)) {
            Matcher octets = OCTETS.matcher(text);
            body = new BodyBuffer(octets.find() ? Long.parseLong(octets.group(1)) : -1);
            return null;
        }
        return finish(false);
    }

    /** True while a response has started and not ended. */
    public boolean inProgress() {
        return body != null || statusPieces.size() > 0;
    }

    private Pop3Reply acceptBodyLine(Line line) {
        boolean startsLine = atLineStart;
        atLineStart = !line.has(LineIssue.SPLIT);
        if (startsLine && isEnd(line)) {
            if (line.ending() == LineEnding.LF) {
                issues.add("the terminating \".\" line ends with a bare LF");
            }
            return finish(true);
        }
        if (line.has(LineIssue.BARE_LF)) {
            issues.add("the body has lines ending with a bare LF");
        }
        // RFC 1939 §3: a line starting with "." had one added by the server; remove it. Only at the start of a
        // line: a later piece of a line too long to hold in one piece is not a line of its own.
        byte[] raw = line.raw();
        int skip = startsLine && raw.length > 0 && raw[0] == '.' ? 1 : 0;
        body.write(raw, skip, raw.length - skip);
        if (line.has(LineIssue.UNTERMINATED)) {
            issues.add("the connection ended before the terminating \".\" line");
            return finish(true);
        }
        return null;
    }

    private static boolean isEnd(Line line) {
        return line.ending() != LineEnding.NONE && line.contentLength() == 1 && line.raw()[0] == '.';
    }

    private static String rest(String line, int indicatorLength) {
        String rest = line.substring(indicatorLength);
        if (!rest.isEmpty() && rest.charAt(0) != ' ') {
            return rest;
        }
        return rest.isEmpty() ? "" : rest.substring(1);
    }

    private Pop3Reply finish(boolean multiLine) {
        Pop3Reply reply = new Pop3Reply(status, text, responseCode, multiLine,
                body == null ? new byte[0] : body.toByteArray(), issues);
        status = null;
        text = null;
        responseCode = null;
        body = null;
        atLineStart = true;
        issues.clear();
        return reply;
    }
}
