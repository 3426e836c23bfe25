package dev.mailbench.store;

import java.util.Locale;

/**
 * The rule for user names, which are also directory names under the store's root.
 *
 * <p>A user name is the local part of a mailbox address as the server resolved it ({@code alice} for
 * {@code <alice@example.test>}). Because it becomes a directory name, only a conservative set of
 * characters is allowed: ASCII letters, digits, {@code . _ + -}; no leading or trailing dot (so never
 * {@code .} or {@code ..}, never a hidden directory, and nothing Windows would silently strip), at most
 * 64 characters (RFC 5321 §4.5.3.1.1 limits a local part to 64 octets). Names are folded to lower case
 * so that {@code Alice} and {@code alice} are one mailbox on every file system, case-sensitive or not.
 */
public final class UserNames {

    /** RFC 5321 §4.5.3.1.1: the maximum length of a local part. */
    public static final int MAX_LENGTH = 64;

    private UserNames() {
    }

    /**
     * Returns the canonical (lower-case) form of {@code userName}.
     *
     * @throws InvalidUserNameException if the name could not safely name a mailbox directory
     */
    public static String canonical(String userName) {
        if (userName == null || userName.isEmpty()) {
            throw new InvalidUserNameException(userName, "empty");
        }
        if (userName.length() > MAX_LENGTH) {
            throw new InvalidUserNameException(userName, "longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < userName.length(); i++) {
            char c = userName.charAt(i);
            if (!isAllowed(c)) {
                throw new InvalidUserNameException(userName,
                        "character " + describe(c) + " is not allowed (letters, digits, . _ + - only)");
            }
        }
        if (userName.startsWith(".")) {
            throw new InvalidUserNameException(userName, "must not start with a dot");
        }
        if (userName.endsWith(".")) {
            throw new InvalidUserNameException(userName, "must not end with a dot");
        }
        return userName.toLowerCase(Locale.ROOT);
    }

    /** Whether {@link #canonical(String)} would accept {@code userName}. */
    public static boolean isValid(String userName) {
        try {
            canonical(userName);
            return true;
        } catch (InvalidUserNameException e) {
            return false;
        }
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '+' || c == '-';
    }

    private static String describe(char c) {
        return c < 0x20 || c >= 0x7F ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}
