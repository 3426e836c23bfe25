package dev.mailbench.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a message file in a Maildir: a unique part, and in {@code cur/} an info part after a
 * colon ({@code unique:2,flags}). The unique part never changes when a file moves, so the POP3 UID is
 * derived from it alone.
 */
record MaildirFileName(String unique, String info) {

    /** RFC 1939 §7: a unique-id is 1 to 70 characters in the range 0x21 to 0x7E. */
    static final int MAX_UID_LENGTH = 70;

    private static final Pattern LEADING_SECONDS = Pattern.compile("^(\\d{1,12})\\.([^.]*)");
    private static final Pattern MICROSECONDS = Pattern.compile("M(\\d{1,6})(?!\\d)");
    private static final Pattern DELIVERY_COUNT = Pattern.compile("Q(\\d{1,18})(?!\\d)");

    /**
     * Parses a file name found in {@code new/} or {@code cur/}; empty for names no Maildir message has
     * (hidden files, an empty unique part).
     */
    static Optional<MaildirFileName> parse(String fileName) {
        if (fileName.isEmpty() || fileName.startsWith(".")) {
            return Optional.empty();
        }
        int colon = fileName.indexOf(':');
        String unique = colon < 0 ? fileName : fileName.substring(0, colon);
        String info = colon < 0 ? "" : fileName.substring(colon + 1);
        return unique.isEmpty() ? Optional.empty() : Optional.of(new MaildirFileName(unique, info));
    }

    /**
     * The POP3 unique-id: the unique part itself when it is a valid unique-id (always so for names this
     * store makes), otherwise a digest of it, which is just as stable.
     */
    String uid() {
        if (isValidUid(unique)) {
            return unique;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(unique.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every Java platform", e);
        }
    }

    /**
     * The delivery time the name records: the seconds on the left (Maildir spec: "the result of
     * time()"), plus the microseconds of an {@code Mn} delivery identifier when there is one.
     */
    Optional<Instant> time() {
        Matcher m = LEADING_SECONDS.matcher(unique);
        if (!m.find()) {
            return Optional.empty();
        }
        long seconds = Long.parseLong(m.group(1));
        Matcher micros = MICROSECONDS.matcher(m.group(2));
        long nanos = micros.find() ? Long.parseLong(micros.group(1)) * 1_000 : 0;
        return Optional.of(Instant.ofEpochSecond(seconds, nanos));
    }

    /** The per-process delivery count of a {@code Qn} delivery identifier, or 0. */
    long deliveryCount() {
        Matcher m = LEADING_SECONDS.matcher(unique);
        if (!m.find()) {
            return 0;
        }
        Matcher q = DELIVERY_COUNT.matcher(m.group(2));
        return q.find() ? Long.parseLong(q.group(1)) : 0;
    }

    static boolean isValidUid(String s) {
        if (s.isEmpty() || s.length() > MAX_UID_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
