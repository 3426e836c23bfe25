package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Verb;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A client's claim to be a user, as USER/PASS, APOP or an AUTH exchange made it, with the means to check
 * it. The check runs only when the login policy gets that far (a login fault answers before it).
 *
 * @param method    how the client logged in ("USER/PASS", "APOP", "AUTH PLAIN", …), for the transcript
 * @param loginName the name as the client gave it ({@code alice} or {@code alice@example.test})
 * @param proof     whether the credentials are right
 * @param refusal   the reply when they are not: {@link Pop3ServerReply#AUTH_FAILED} or, for an account
 *                  without a recoverable secret, {@link Pop3ServerReply#SHARED_SECRET_NOT_ENABLED}
 */
record LoginAttempt(String method, String loginName, BooleanSupplier proof, Pop3ServerReply refusal) {

    LoginAttempt {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(loginName, "loginName");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(refusal, "refusal");
    }

    /** The login method of an AUTH exchange: {@code AUTH PLAIN}, as RFC 5034 §4's command line names it. */
    static String sasl(String mechanism) {
        return Pop3Verb.AUTH.line(mechanism);
    }

    /** The method as a refusal names it: the mechanism alone for AUTH ({@code PLAIN}), else the method. */
    String mechanism() {
        String auth = Pop3Verb.AUTH.name() + " ";
        return method.startsWith(auth) ? method.substring(auth.length()) : method;
    }

    /** A claim that is wrong whatever is checked: an unknown user, a malformed response. */
    static LoginAttempt refused(String method, String loginName, Pop3ServerReply refusal) {
        return new LoginAttempt(method, loginName, () -> false, refusal);
    }
}
