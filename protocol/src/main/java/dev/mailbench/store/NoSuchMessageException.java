package dev.mailbench.store;

/**
 * A message number that names no message of a POP3 session, or one already marked deleted: RFC 1939 §5
 * has {@code LIST}, {@code RETR}, {@code DELE}, {@code TOP} and {@code UIDL} answer {@code -ERR} for both.
 */
public final class NoSuchMessageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the number names no message. */
    public enum Reason {
        /** Outside 1..messageCount of the session's snapshot. */
        NO_SUCH_MESSAGE,
        /** Marked deleted in this session (RFC 1939 §5: "may not refer to a message marked as deleted"). */
        DELETED
    }

    private final int messageNumber;
    private final Reason reason;

    NoSuchMessageException(int messageNumber, Reason reason) {
        super(reason == Reason.DELETED
                ? "message " + messageNumber + " already deleted"
                : "no such message: " + messageNumber);
        this.messageNumber = messageNumber;
        this.reason = reason;
    }

    public int messageNumber() {
        return messageNumber;
    }

    public Reason reason() {
        return reason;
    }
}
