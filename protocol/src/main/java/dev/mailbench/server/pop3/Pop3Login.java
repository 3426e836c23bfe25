package dev.mailbench.server.pop3;

import java.io.IOException;
import java.util.Optional;

/** Logging in (RFC 1939 §7, RFC 5034), as USER, PASS, APOP and AUTH do it. */
interface Pop3Login {

    /** The timestamp of the greeting, which APOP's digest covers. */
    String apopTimestamp();

    /** USER was accepted: PASS may follow as the very next command. */
    void userGiven(String name);

    /** The name USER gave in the command just before this one, if it was USER. */
    Optional<String> userGivenJustBefore();

    /**
     * Decides a login through the login policy and answers it: success opens the TRANSACTION state, a
     * refusal for wrong credentials spends the failed-login budget.
     */
    void logIn(LoginAttempt attempt) throws IOException;
}
