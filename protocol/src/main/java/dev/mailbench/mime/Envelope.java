package dev.mailbench.mime;

import java.util.List;
import java.util.Objects;

/**
 * The SMTP envelope a message travelled with, when it is known: the reverse-path of {@code MAIL FROM}
 * and the forward-paths of {@code RCPT TO} (RFC 5321 §3.3). Servers act on these, never on the
 * {@code From:} and {@code To:} header fields, which may say something else entirely.
 *
 * @param mailFrom   the reverse-path, with or without angle brackets; empty for the null path {@code <>}
 * @param recipients the forward-paths, possibly empty when unknown
 */
public record Envelope(String mailFrom, List<String> recipients) {

    public Envelope {
        Objects.requireNonNull(mailFrom, "mailFrom");
        recipients = List.copyOf(recipients);
    }

    public static Envelope mailFrom(String reversePath) {
        return new Envelope(reversePath, List.of());
    }

    /** The reverse-path's address without angle brackets; empty for the null reverse-path. */
    public String mailFromAddress() {
        return address(mailFrom);
    }

    static String address(String path) {
        String s = path.trim();
        if (s.startsWith("<")) {
            int close = s.indexOf('>');
            s = close > 0 ? s.substring(1, close) : s.substring(1);
        }
        // RFC 5321 §4.1.2: a source route "@a,@b:user@c" ends in the mailbox after the last colon
        int colon = s.lastIndexOf(':');
        if (s.startsWith("@") && colon > 0) {
            s = s.substring(colon + 1);
        }
        return s.trim();
    }
}
