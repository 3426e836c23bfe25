package dev.mailbench.app.session;

/**
 * What the guided forms offer before the user types: names that work with the practice server's classroom
 * accounts. The window can be given others (a teacher's own server).
 *
 * @param clientDomain  the name the client gives in HELO/EHLO
 * @param sender        MAIL FROM address
 * @param recipient     RCPT TO address
 * @param user          login name for USER, APOP and AUTH
 * @param password      the password offered in the login forms; empty to make the user type it
 * @param mailingList   the list name offered for EXPN
 */
public record Prefill(String clientDomain, String sender, String recipient, String user, String password,
                      String mailingList) {

    /** The practice server's classroom accounts (alice and bob at example.test), password left to the user. */
    public static Prefill classroom() {
        return new Prefill("client.example.test", "alice@example.test", "bob@example.test", "alice", "", "class");
    }
}
