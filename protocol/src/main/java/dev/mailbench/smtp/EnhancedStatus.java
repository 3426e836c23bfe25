package dev.mailbench.smtp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An enhanced mail system status code, {@code class.subject.detail} (RFC 3463 §2), as carried at the start of
 * reply text when the server advertises ENHANCEDSTATUSCODES (RFC 2034).
 */
public record EnhancedStatus(int klass, int subject, int detail) {
    // RFC 3463 §2: class "2" / "4" / "5", subject and detail 1*3digit (so "2.01.5" is as valid as "2.1.5").
    private static final Pattern AT_START = Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?= |$)");

    public EnhancedStatus {
        if (klass != 2 && klass != 4 && klass != 5) {
            throw new IllegalArgumentException("class must be 2, 4 or 5: " + klass);
        }
        if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
            throw new IllegalArgumentException("subject and detail are 0..999");
        }
    }

    /** The code at the start of a reply line's text, if there is one. */
    public static Optional<EnhancedStatus> atStartOf(String text) {
        Matcher m = AT_START.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new EnhancedStatus(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    public static EnhancedStatus parse(String code) {
        return atStartOf(code.trim()).orElseThrow(() -> new IllegalArgumentException("not an enhanced status code: " + code));
    }

    @Override
    public String toString() {
        return klass + "." + subject + "." + detail;
    }
}
