package dev.mailbench.store;

/**
 * Another POP3 session holds the mailbox, in this process or another. RFC 1939 §8 lets a server
 * refuse a second session; RFC 2449 §8 names the reply {@code -ERR [IN-USE]}.
 */
public final class MailboxInUseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String user;

    MailboxInUseException(String user) {
        super("mailbox of " + user + " is in use by another session");
        this.user = user;
    }

    public String user() {
        return user;
    }
}
