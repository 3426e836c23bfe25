package dev.mailbench.mime;

/**
 * Checks quoted-printable data against RFC 2045 §6.7: an '=' is followed by two hex digits (rule 1) or,
 * as a soft line break, by optional white space and the end of the line (rule 5). Lower-case hex digits
 * are accepted, as the RFC asks robust decoders to. An '=' at the very end of the body is a soft break
 * before the CRLF that belongs to the next boundary, and is accepted too.
 */
final class QuotedPrintableChecker implements ByteScanner {

    private enum State { TEXT, EQUALS, EQUALS_AND_ONE, BLANKS_AFTER_EQUALS }

    private State state = State.TEXT;
    private long equalsAt;
    private int firstAfterEquals;

    private long badEscapes;
    private long firstBadEscape = -1;
    private String firstBadEscapeText;
    private long badSoftBreaks;
    private long firstBadSoftBreak = -1;

    @Override
    public void scan(byte[] bytes, int offset, int length, long position) {
        for (int i = offset, end = offset + length; i < end; i++) {
            step(bytes[i] & 0xff, position + (i - offset));
        }
    }

    private void step(int b, long at) {
        switch (state) {
            case TEXT -> {
                if (b == '=') {
                    state = State.EQUALS;
                    equalsAt = at;
                }
            }
            case EQUALS -> {
                if (b == '\r' || b == '\n') {
                    state = State.TEXT;
                } else if (RawText.isBlank(b)) {
                    state = State.BLANKS_AFTER_EQUALS;
                } else if (b == '=') {
                    badEscape("=");
                    state = State.TEXT;
                    step(b, at);
                } else {
                    firstAfterEquals = b;
                    state = State.EQUALS_AND_ONE;
                }
            }
            case EQUALS_AND_ONE -> {
                state = State.TEXT;
                if (!(isHex(firstAfterEquals) && isHex(b))) {
                    badEscape("=" + printable(firstAfterEquals) + (b == '\r' || b == '\n' ? "" : printable(b)));
                    step(b, at);
                }
            }
            case BLANKS_AFTER_EQUALS -> {
                if (b == '\r' || b == '\n') {
                    state = State.TEXT;
                } else if (!RawText.isBlank(b)) {
                    badSoftBreaks++;
                    if (firstBadSoftBreak < 0) {
                        firstBadSoftBreak = equalsAt;
                    }
                    state = State.TEXT;
                    step(b, at);
                }
            }
        }
    }

    @Override
    public void finish(long end) {
        if (state == State.EQUALS_AND_ONE) {
            badEscape("=" + printable(firstAfterEquals));
        }
        state = State.TEXT;
    }

    private void badEscape(String text) {
        badEscapes++;
        if (firstBadEscape < 0) {
            firstBadEscape = equalsAt;
            firstBadEscapeText = text;
        }
    }

    private static String printable(int b) {
        return b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : "<" + RawText.describeByte(b) + ">";
    }

    private static boolean isHex(int b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
    }

    long badEscapes() {
        return badEscapes;
    }

    long firstBadEscape() {
        return firstBadEscape;
    }

    String firstBadEscapeText() {
        return firstBadEscapeText;
    }

    long badSoftBreaks() {
        return badSoftBreaks;
    }

    long firstBadSoftBreak() {
        return firstBadSoftBreak;
    }
}
