package dev.mailbench.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who sent a delivered message, as the practice server recorded it on delivery: the {@code Return-Path} (the
 * MAIL FROM, RFC 5321 §4.4) and, on the newest {@code Received} line, the {@code Authenticated sender} (RFC 5321
 * §4.4, written by the server when the connection had logged in). The same two ways a connection is a student's
 * ({@link StudentFilter}): it logged in as the student, or sent mail as the student. Only the first of each field
 * counts, the one the server put in front of the message: a sender can write older-looking ones into its text.
 */
final class MessageSender {

    private static final Pattern AUTHENTICATED = Pattern.compile("\\(Authenticated sender: ([^)\\s]+)\\)",
            Pattern.CASE_INSENSITIVE);

    private MessageSender() {
    }

    /** Whether {@code student} (an account, any case) sent the message with these header fields. */
    static boolean is(Map<String, List<String>> headers, String student) {
        String name = student.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return false;
        }
        boolean sentAs = first(headers, "Return-Path").map(MessageSender::localPart).filter(name::equals).isPresent();
        boolean loggedIn = first(headers, "Received").map(AUTHENTICATED::matcher).filter(Matcher::find)
                .map(found -> found.group(1).toLowerCase(Locale.ROOT)).filter(name::equals).isPresent();
        return sentAs || loggedIn;
    }

    private static Optional<String> first(Map<String, List<String>> headers, String field) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(field))
                .flatMap(entry -> entry.getValue().stream()).findFirst();
    }

    /** {@code <student01@example.test>} → {@code student01}; the null reverse-path {@code <>} names nobody. */
    private static String localPart(String path) {
        String address = path.strip().replace("<", "").replace(">", "");
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(0, at).toLowerCase(Locale.ROOT);
    }
}
