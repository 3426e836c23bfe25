package dev.mailbench.mime;

import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Jakarta Mail's multipart parser over a {@link SourceStream}, so every body part it finds is a
 * sub-stream whose absolute range is known, and with its leniency fixed here rather than taken from
 * system properties: a missing close delimiter or boundary parameter is tolerated (and reported by the
 * caller), and a multipart in which no boundary appears is empty instead of an exception.
 */
final class TrackedMultipart extends MimeMultipart {

    TrackedMultipart(SourceStream body, String contentType) throws MessagingException {
        super(new BodySource(body, contentType));
    }

    @Override
    protected void initializeProperties() {
        ignoreMissingEndBoundary = true;
        ignoreMissingBoundaryParameter = true;
        ignoreExistingBoundaryParameter = false;
        allowEmpty = true;
    }

    @Override
    protected MimeBodyPart createMimeBodyPart(InputStream is) throws MessagingException {
        if (is instanceof SourceStream source) {
            return new TrackedBodyPart(source);
        }
        throw new MessagingException("body part is not a view of the source");
    }

    @Override
    protected MimeBodyPart createMimeBodyPart(InternetHeaders headers, byte[] content) throws MessagingException {
        throw new MessagingException("body part is not a view of the source");
    }

    List<TrackedBodyPart> parts() throws MessagingException {
        int count = getCount();
        List<TrackedBodyPart> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add((TrackedBodyPart) getBodyPart(i));
        }
        return parts;
    }

    /** Whether the close delimiter was found (RFC 2046 §5.1.1). */
    boolean closed() throws MessagingException {
        return isComplete();
    }

    /** The raw body, not transfer-decoded: RFC 2045 §6.4 allows multiparts only identity encodings. */
    private record BodySource(SourceStream body, String contentType) implements DataSource {

        @Override
        public InputStream getInputStream() {
            return body.newStream(0, -1);
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return "body";
        }
    }
}
