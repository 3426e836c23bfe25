package dev.mailbench.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;

/** A body part Jakarta Mail cut out of a multipart, with its absolute place in the source. */
final class TrackedBodyPart extends MimeBodyPart {

    private final long start;
    private final long end;

    TrackedBodyPart(SourceStream source) throws MessagingException {
        super(source);
        this.start = source.absoluteStart();
        this.end = source.absoluteEnd();
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    long bodyStart() {
        return contentStream instanceof SourceStream s ? s.absoluteStart() : end;
    }
}
