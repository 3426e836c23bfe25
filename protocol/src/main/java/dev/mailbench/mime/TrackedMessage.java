package dev.mailbench.mime;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A Jakarta Mail message parsed from a {@link SourceStream}, which tells where Jakarta Mail found the
 * end of the header section: its content stream is a sub-stream that knows its absolute start.
 */
final class TrackedMessage extends MimeMessage {

    private final SourceStream source;

    TrackedMessage(Session session, SourceStream source) throws MessagingException {
        super(session, source);
        this.source = source;
    }

    /** The absolute offset of the first body byte (just after the empty line ending the header). */
    long bodyStart() {
        return contentStream instanceof SourceStream s ? s.absoluteStart() : source.absoluteEnd();
    }
}
