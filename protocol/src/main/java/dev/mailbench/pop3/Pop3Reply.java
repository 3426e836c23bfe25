package dev.mailbench.pop3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A POP3 response (RFC 1939 §3): {@code +OK} or {@code -ERR} with text, an optional response code in
 * brackets (RFC 2449 §8, RFC 3206), and for multi-line responses the content with byte-stuffing removed,
 * byte for byte as the server holds it.
 *
 * @param status       +OK, -ERR, "+ " continuation, or malformed
 * @param text         the text after the status indicator
 * @param responseCode the code in brackets at the start of the text (e.g. {@code IN-USE}, {@code SYS/TEMP}), or null
 * @param multiLine    whether a multi-line body followed
 * @param content      the body's exact bytes (terminators kept, transparency dots removed, final "." excluded)
 * @param issues       what was wrong, in words
 */
public record Pop3Reply(Status status, String text, String responseCode, boolean multiLine, byte[] content,
                        Set<String> issues) {

    public enum Status {
        OK("+OK"), ERR("-ERR"), CONTINUATION("+"), MALFORMED("?");

        private final String indicator;

        Status(String indicator) {
            this.indicator = indicator;
        }

        public String indicator() {
            return indicator;
        }
    }

    public Pop3Reply {
        content = content.clone();
        issues = Set.copyOf(issues);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    public boolean isErr() {
        return status == Status.ERR;
    }

    public Optional<String> code() {
        return Optional.ofNullable(responseCode);
    }

    /** The body as text lines without their CRLF (for LIST, UIDL, CAPA). */
    public List<String> bodyLines() {
        String body = new String(content, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (String line : body.split("\r?\n", -1)) {
            lines.add(line);
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    @Override
    public String toString() {
        return status.indicator() + " " + text + (multiLine ? " (+" + content.length + " bytes)" : "");
    }
}
