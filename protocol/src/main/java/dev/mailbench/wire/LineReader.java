package dev.mailbench.wire;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;

/**
 * Reads lines from a byte stream exactly as they arrive, keeping every byte, and flags what breaks the
 * line rules of RFC 5321 §2.3.8 and RFC 1939 §3 instead of silently repairing it.
 *
 * <p>Not thread-safe: one reader per connection direction.
 */
public final class LineReader {
    private static final int CR = '\r';
    private static final int LF = '\n';

    private final InputStream in;
    private final WireLimits limits;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean eof;
    /** Octets of the current logical line already delivered in earlier SPLIT pieces. */
    private long carriedLength;
    /*
     * The line being assembled. Kept in fields, not locals, so that a read timeout in the middle of a line
     * loses nothing: the next call continues where this one stopped.
     */
    private byte[] line = new byte[128];
    private int length;
    private EnumSet<LineIssue> issues = EnumSet.noneOf(LineIssue.class);

    public LineReader(InputStream in, WireLimits limits) {
        this(in, limits, 16 * 1024);
    }

    /** A reader with a buffer of {@code bufferSize} octets: a small one for splitting a few bytes in memory. */
    LineReader(InputStream in, WireLimits limits, int bufferSize) {
        this.in = in;
        this.limits = limits;
        this.buffer = new byte[Math.max(16, bufferSize)];
    }

    /**
     * The next line, or {@code null} at end of stream with nothing pending. A line cut short by end of stream
     * is returned with {@link LineEnding#NONE} and {@link LineIssue#UNTERMINATED}. A line longer than the
     * hold limit is returned in pieces flagged {@link LineIssue#SPLIT}; a piece is so flagged only when more
     * of its line follows. If reading fails (for example on a socket read timeout), the bytes of an
     * unfinished line are kept and the next call continues it.
     */
    public Line readLine() throws IOException {
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                if (line[length - 1] == CR) {
                    issues.add(LineIssue.BARE_CR);
                }
                issues.add(LineIssue.UNTERMINATED);
                return finish(LineEnding.NONE);
            }
            int b = buffer[position] & 0xFF;
            boolean afterCr = length > 0 && line[length - 1] == CR;
            if (afterCr && b != LF) {
                issues.add(LineIssue.BARE_CR);
            }
            // A piece holds at most holdLimit octets plus the CR LF (or the bare LF) that ends it, so a CRLF is
            // always seen whole. Anything else past the limit starts the next piece.
            boolean endsLine = b == LF && (afterCr || limits.lfEndsLine());
            boolean mayStartCrlf = b == CR && length == limits.holdLimit();
            if (length >= limits.holdLimit() && !endsLine && !mayStartCrlf) {
                issues.add(LineIssue.SPLIT);
                return finish(LineEnding.NONE);
            }
            position++;
            if (length == line.length) {
                line = Arrays.copyOf(line, (int) Math.min((long) line.length * 2, limits.holdLimit() + 2L));
            }
            line[length++] = (byte) b;
            if (b == LF) {
                if (afterCr) {
                    return finish(LineEnding.CRLF);
                }
                issues.add(LineIssue.BARE_LF);
                if (limits.lfEndsLine()) {
                    return finish(LineEnding.LF);
                }
            } else if (b == 0) {
                issues.add(LineIssue.NUL);
            }
        }
    }

    /** Bytes received but not yet returned as lines (e.g. data a peer sent right after a STARTTLS reply). */
    public int buffered() {
        return length + limit - position;
    }

    /** Takes the bytes received but not yet returned, leaving the buffer empty. */
    public byte[] drainBuffered() {
        byte[] rest = new byte[length + limit - position];
        System.arraycopy(line, 0, rest, 0, length);
        System.arraycopy(buffer, position, rest, length, limit - position);
        position = limit;
        length = 0;
        issues = EnumSet.noneOf(LineIssue.class);
        carriedLength = 0;
        return rest;
    }

    private Line finish(LineEnding ending) {
        long logicalLength = carriedLength + length;
        boolean split = issues.contains(LineIssue.SPLIT);
        // A SPLIT piece is followed by at least one more octet of the same line.
        if (logicalLength + (split ? 1 : 0) > limits.maxLineLength()) {
            issues.add(LineIssue.OVERLONG);
        }
        carriedLength = split ? logicalLength : 0;
        if (!Line.isValidUtf8(line, length)) {
            issues.add(LineIssue.INVALID_UTF8);
        }
        Line result = new Line(Arrays.copyOf(line, length), ending, issues);
        if (line.length > buffer.length) {
            line = new byte[128]; // do not keep a huge line's array for the rest of the connection
        }
        length = 0;
        issues.clear(); // the line took a copy
        return result;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = n < 0;
            return !eof && fill();
        }
        position = 0;
        limit = n;
        return true;
    }
}
