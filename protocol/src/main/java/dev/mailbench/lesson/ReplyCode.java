package dev.mailbench.lesson;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reply as a check names it: an SMTP basic code or class ({@code 250}, {@code 5xx}, RFC 5321 §4.2.1), an
 * enhanced status code ({@code 5.7.1}, RFC 3463 §2), or a POP3 status ({@code +OK}, {@code -ERR}, RFC 1939 §3).
 */
record ReplyCode(String written) {

    private static final Pattern BASIC = Pattern.compile("[2-5][0-9x][0-9x]");
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    /** The code as written, if it is one of the forms above. */
    static Optional<ReplyCode> parse(String written) {
        String code = written.toLowerCase(Locale.ROOT);
        if (BASIC.matcher(code).matches() || ENHANCED.matcher(code).matches()) {
            return Optional.of(new ReplyCode(code));
        }
        if (code.equals("+ok") || code.equals("-err")) {
            return Optional.of(new ReplyCode(code.toUpperCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    boolean matches(Exchange.Reply reply) {
        if (written.indexOf('.') > 0) {
            return written.equals(reply.enhanced());
        }
        if (written.startsWith("+") || written.startsWith("-")) {
            return written.equals(reply.code());
        }
        if (reply.code().length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (written.charAt(i) != 'x' && written.charAt(i) != reply.code().charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return written;
    }
}
