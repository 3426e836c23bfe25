package dev.mailbench.store;

/** A user name that cannot name a mailbox directory. */
public final class InvalidUserNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String userName;

    InvalidUserNameException(String userName, String reason) {
        super("invalid user name " + quote(userName) + ": " + reason);
        this.userName = userName;
    }

    /** The name as it was given (may be {@code null}). */
    public String userName() {
        return userName;
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F) {
                b.append(String.format("\\x%02X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append('"').toString();
    }
}
