package dev.mailbench.mime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

/**
 * What a mailbox list shows of a message: its sender and subject, decoded (RFC 2047), read from the header
 * section only. A field that is missing or cannot be read is empty; nothing here throws for a bad message.
 *
 * @param from    the From field, decoded; empty when missing
 * @param subject the Subject field, decoded; empty when missing
 */
public record MessageSummary(String from, String subject) {

    /** Header sections longer than this are not read further: the list needs two fields, not a flood. */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    /** Reads the header section at the start of {@code message}; the stream is left partly read. */
    public static MessageSummary read(InputStream message) throws IOException {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new BoundedInputStream(message, MAX_HEADER_BYTES));
        } catch (MessagingException e) {
            return new MessageSummary("", "");
        }
        return new MessageSummary(field(headers, "From"), field(headers, "Subject"));
    }

    private static String field(InternetHeaders headers, String name) {
        String raw = headers.getHeader(name, ", ");
        if (raw == null) {
            return "";
        }
        String unfolded = MimeUtility.unfold(raw).strip();
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return unfolded;   // an unknown charset: the text as it stands
        }
    }

    /** At most {@code limit} bytes of a stream. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
