package dev.mailbench.authenticity;

import dev.mailbench.mime.ByteRange;
import java.util.Objects;

/**
 * Something wrong or worth knowing about an authentication field, with the rule it comes from.
 *
 * @param rule    the RFC section, e.g. {@code RFC 6376 §3.5}
 * @param message a sentence for the user
 * @param range   the bytes it is about in the raw source, or null when it is about no bytes in particular
 */
public record Finding(String rule, String message, ByteRange range) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return message + " (" + rule + ")";
    }
}
