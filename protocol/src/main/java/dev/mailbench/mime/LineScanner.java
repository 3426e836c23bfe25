package dev.mailbench.mime;

import java.util.Arrays;

/**
 * One pass over the whole source for line-level rules: lines over 998 octets (RFC 5322 §2.1.1), and
 * CR and LF that do not come together as CRLF (RFC 5322 §2.3). The same pass turns byte offsets found
 * by other checks into line numbers. A line ends at CRLF, a bare LF or a bare CR.
 */
final class LineScanner implements ByteScanner {

    static final int MAX_LINE_OCTETS = 998;

    private final ProblemCollector problems;
    private final long[] wanted;
    private final long[] lines;
    private int nextWanted;

    private long line = 1;
    private long lineStart;
    private long lineLength;
    private boolean previousWasCr;

    /** {@code wanted}: sorted offsets whose line numbers {@link #lineOf(long)} will answer. */
    LineScanner(ProblemCollector problems, long[] wanted) {
        this.problems = problems;
        this.wanted = wanted;
        this.lines = new long[wanted.length];
    }

    @Override
    public void scan(byte[] bytes, int offset, int length, long position) {
        for (int i = offset, end = offset + length; i < end; i++) {
            long at = position + (i - offset);
            byte b = bytes[i];
            if (previousWasCr && b != '\n') {
                problems.add(Severity.ERROR, ProblemKind.BARE_CR,
                        "line " + line + " has a CR not followed by LF", null, at - 1, line);
                endLine(at);
                previousWasCr = false;
            }
            while (nextWanted < wanted.length && wanted[nextWanted] <= at) {
                lines[nextWanted++] = line;
            }
            if (previousWasCr) {
                previousWasCr = false;
                endLine(at + 1);
            } else if (b == '\r') {
                previousWasCr = true;
            } else if (b == '\n') {
                problems.add(Severity.ERROR, ProblemKind.BARE_LF,
                        "line " + line + " ends with a bare LF instead of CRLF", null, at, line);
                endLine(at + 1);
            } else {
                lineLength++;
            }
        }
    }

    @Override
    public void finish(long end) {
        if (previousWasCr) {
            problems.add(Severity.ERROR, ProblemKind.BARE_CR,
                    "line " + line + " has a CR not followed by LF", null, end - 1, line);
            previousWasCr = false;
            endLine(end);
        } else if (lineLength > 0) {
            checkLength();
        }
        while (nextWanted < wanted.length) {
            lines[nextWanted++] = line;
        }
    }

    private void endLine(long nextLineStart) {
        checkLength();
        line++;
        lineStart = nextLineStart;
        lineLength = 0;
    }

    private void checkLength() {
        if (lineLength > MAX_LINE_OCTETS) {
            problems.add(Severity.ERROR, ProblemKind.LINE_TOO_LONG, "line " + line + " is " + lineLength
                    + " octets long; the limit is " + MAX_LINE_OCTETS + " plus CRLF", null, lineStart, line);
        }
    }

    /** The line of one of the offsets given to the constructor, after the scan has finished. */
    long lineOf(long offset) {
        int i = Arrays.binarySearch(wanted, offset);
        return i >= 0 ? lines[i] : 1;
    }
}
