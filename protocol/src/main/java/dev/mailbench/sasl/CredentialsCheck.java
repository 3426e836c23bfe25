package dev.mailbench.sasl;

import java.util.Optional;

/**
 * What a server-side SASL mechanism needs to know about users, and nothing more: the server passes its
 * accounts through this small seam, so the mechanisms stay pure functions of what the client sends.
 */
public interface CredentialsCheck {

    /** The canonical user (mailbox) name a login name denotes, such as "alice" for "Alice@example.test". */
    Optional<String> mailboxOf(String login);

    /** Whether the password is the user's, checked against the stored hash (PLAIN, LOGIN). */
    boolean verifyPassword(String login, String password);

    /**
     * The recoverable secret of the user, for mechanisms that prove knowledge of it without sending it
     * (CRAM-MD5, RFC 2195; APOP). Empty for unknown users and for accounts that keep only a hash.
     */
    Optional<String> sharedSecret(String login);
}
