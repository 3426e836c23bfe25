package dev.mailbench.mime;

/**
 * Checks base64 data against RFC 2045 §6.8: only the 64-character alphabet, line breaks and white space,
 * and data that ends in whole 4-character groups, the last padded with one or two '='.
 */
final class Base64Checker implements ByteScanner {

    private long dataCharacters;
    private long paddingCharacters;
    private long firstPadding = -1;
    private long lastData = -1;

    private long illegalCount;
    private long firstIllegal = -1;
    private int firstIllegalByte;

    private String paddingProblem;
    private long paddingProblemAt = -1;

    @Override
    public void scan(byte[] bytes, int offset, int length, long position) {
        for (int i = offset, end = offset + length; i < end; i++) {
            int b = bytes[i] & 0xff;
            long at = position + (i - offset);
            if (isAlphabet(b)) {
                if (firstPadding >= 0) {
                    paddingIssue("base64 data continues after the padding '=' at byte " + firstPadding, at);
                }
                dataCharacters++;
                lastData = at;
            } else if (b == '=') {
                if (firstPadding < 0) {
                    firstPadding = at;
                }
                paddingCharacters++;
            } else if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                if (firstIllegal < 0) {
                    firstIllegal = at;
                    firstIllegalByte = b;
                }
                illegalCount++;
            }
        }
    }

    @Override
    public void finish(long end) {
        if (paddingProblem != null) {
            return;
        }
        long rest = dataCharacters % 4;
        if (firstPadding < 0) {
            if (rest != 0) {
                paddingIssue("the base64 data ends with a group of " + rest + " character" + (rest == 1 ? "" : "s")
                        + " and no '=' padding; groups have 4 characters", lastData);
            }
            return;
        }
        long expectedPadding = rest == 2 ? 2 : rest == 3 ? 1 : -1;
        if (expectedPadding < 0) {
            paddingIssue("the padding '=' follows a group of " + rest + " character" + (rest == 1 ? "" : "s")
                    + "; padding may only complete a group of 2 or 3", firstPadding);
        } else if (paddingCharacters != expectedPadding) {
            paddingIssue("the last group has " + rest + " characters and needs " + expectedPadding + " '=', not "
                    + paddingCharacters, firstPadding);
        }
    }

    private void paddingIssue(String message, long at) {
        if (paddingProblem == null) {
            paddingProblem = message;
            paddingProblemAt = Math.max(at, 0);
        }
    }

    private static boolean isAlphabet(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '+' || b == '/';
    }

    long illegalCount() {
        return illegalCount;
    }

    long firstIllegal() {
        return firstIllegal;
    }

    int firstIllegalByte() {
        return firstIllegalByte;
    }

    String paddingProblem() {
        return paddingProblem;
    }

    long paddingProblemAt() {
        return paddingProblemAt;
    }
}
