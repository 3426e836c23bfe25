package dev.mailbench.mime;

import java.util.List;

/**
 * The message inside a {@code message/rfc822} part (RFC 2046 §5.2.1): its own header section, which
 * IMAP fetches as {@code <path>.HEADER}, and its content type.
 */
public record EmbeddedMessage(ByteRange headerRange, List<HeaderField> headers, String contentType) {

    public EmbeddedMessage {
        headers = List.copyOf(headers);
    }
}
