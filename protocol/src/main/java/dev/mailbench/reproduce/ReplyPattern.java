package dev.mailbench.reproduce;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a script's {@code expect} asks of a reply: an SMTP reply class ({@code 2xx}, RFC 5321 §4.2.1), a reply code
 * ({@code 250}), an enhanced status code ({@code 5.7.1}, RFC 3463 §2), or a POP3 status ({@code +OK},
 * {@code -ERR}, RFC 1939 §3).
 *
 * @param text the pattern as written
 */
public record ReplyPattern(Kind kind, String text) {

    /** The kinds of pattern. */
    public enum Kind {
        CLASS, CODE, ENHANCED, POP3_STATUS
    }

    private static final Pattern CLASS = Pattern.compile("[2-5][xX][xX]");
    private static final Pattern CODE = Pattern.compile("[2-5][0-9][0-9]");
    private static final Pattern ENHANCED = Pattern.compile("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}");

    /**
     * @throws IllegalArgumentException with a sentence for the script's author when {@code text} is none of these
     */
    public static ReplyPattern parse(String text) {
        String t = text.strip();
        if (CLASS.matcher(t).matches()) {
            return new ReplyPattern(Kind.CLASS, t.toLowerCase(Locale.ROOT));
        }
        if (CODE.matcher(t).matches()) {
            return new ReplyPattern(Kind.CODE, t);
        }
        if (ENHANCED.matcher(t).matches()) {
            return new ReplyPattern(Kind.ENHANCED, t);
        }
        if (t.equalsIgnoreCase("+OK") || t.equalsIgnoreCase("-ERR")) {
            return new ReplyPattern(Kind.POP3_STATUS, t.toUpperCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("not a reply to expect: \"" + t
                + "\" (write a class like 2xx, a code like 250, an enhanced code like 5.7.1, or +OK / -ERR)");
    }

    /** Whether the reply is what this pattern expects. */
    public boolean matches(SeenReply reply) {
        return switch (kind) {
            case CLASS -> reply.status().length() == 3 && reply.status().charAt(0) == text.charAt(0)
                    && Character.isDigit(reply.status().charAt(1));
            case CODE -> reply.status().equals(text);
            case ENHANCED -> reply.enhanced().equals(enhancedAsWritten());
            case POP3_STATUS -> reply.status().equals(text);
        };
    }

    /** "5.07.1" and "5.7.1" are the same code (RFC 3463 §2): compared as numbers. */
    private String enhancedAsWritten() {
        String[] parts = text.split("\\.");
        return Integer.parseInt(parts[0]) + "." + Integer.parseInt(parts[1]) + "." + Integer.parseInt(parts[2]);
    }

    @Override
    public String toString() {
        return text;
    }
}
