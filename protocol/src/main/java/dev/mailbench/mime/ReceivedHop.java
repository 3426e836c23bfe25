package dev.mailbench.mime;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * One hop of the path a message took, read from a {@code Received:} field (RFC 5321 §4.4).
 *
 * <p>Each server prepends its own field, so the first field is the last hop. {@link #chain(List)}
 * returns the hops in the order they happened: the origin first, the final delivery last.
 *
 * @param from      the {@code from} clause: the host that handed the message over, with the receiving
 *                  server's comment on who that really was; null when absent
 * @param by        the {@code by} clause: the server that received it; null when absent
 * @param via       the {@code via} clause, or null
 * @param with      the {@code with} clause: the protocol, e.g. {@code ESMTPS} (RFC 3848); null when absent
 * @param id        the {@code id} clause, or null
 * @param recipient the {@code for} clause, or null
 * @param dateText  the date-time after the last semicolon, as written; null when there is no semicolon
 * @param timestamp that date-time parsed, or null when it does not parse
 * @param delay     the time since the previous hop, or null for the first hop or when either time is unknown
 * @param field     the header field this hop was read from
 */
public record ReceivedHop(String from, String by, String via, String with, String id, String recipient,
        String dateText, Instant timestamp, Duration delay, HeaderField field) {

    private static final List<String> CLAUSES = List.of("from", "by", "via", "with", "id", "for");

    /** The hops recorded in {@code headers}, oldest first, each with its delay after the one before. */
    public static List<ReceivedHop> chain(List<HeaderField> headers) {
        List<HeaderField> received = new ArrayList<>();
        for (HeaderField h : headers) {
            if (h.hasName("Received")) {
                received.add(h);
            }
        }
        List<ReceivedHop> hops = new ArrayList<>();
        Instant previous = null;
        for (int i = received.size() - 1; i >= 0; i--) {
            ReceivedHop hop = parse(received.get(i));
            Duration delay = previous != null && hop.timestamp != null
                    ? Duration.between(previous, hop.timestamp) : null;
            hops.add(hop.withDelay(delay));
            previous = hop.timestamp;
        }
        return List.copyOf(hops);
    }

    /** Reads one {@code Received:} field; the delay is left unknown. */
    public static ReceivedHop parse(HeaderField field) {
        String value = field.decoded();
        // RFC 5321 §4.4: the time stamp follows the last semicolon
        int semicolon = lastSemicolonOutsideComments(value);
        String clauses = semicolon >= 0 ? value.substring(0, semicolon) : value;
        String dateText = semicolon >= 0 ? value.substring(semicolon + 1).trim() : null;
        String[] found = new String[CLAUSES.size()];
        int current = -1;
        StringBuilder text = new StringBuilder();
        for (String word : words(clauses)) {
            int clause = CLAUSES.indexOf(word.toLowerCase(Locale.ROOT));
            if (clause >= 0 && found[clause] == null) {
                store(found, current, text);
                current = clause;
            } else {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(word);
            }
        }
        store(found, current, text);
        Instant timestamp = dateText == null ? null : parseDate(dateText);
        return new ReceivedHop(found[0], found[1], found[2], found[3], found[4], found[5],
                dateText, timestamp, null, field);
    }

    ReceivedHop withDelay(Duration newDelay) {
        return new ReceivedHop(from, by, via, with, id, recipient, dateText, timestamp, newDelay, field);
    }

    private static void store(String[] found, int clause, StringBuilder text) {
        if (clause >= 0) {
            found[clause] = text.toString().trim();
        }
        text.setLength(0);
    }

    /** Words split at white space outside comments, so "(host [192.0.2.1])" stays one word. */
    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && depth > 0 && i + 1 < s.length()) {
                word.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            }
            if (depth == 0 && Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static int lastSemicolonOutsideComments(String s) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ';' && depth == 0) {
                last = i;
            }
        }
        return last;
    }

    static Instant parseDate(String text) {
        try {
            Date date = new MailDateFormat().parse(text, new ParsePosition(0));
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
