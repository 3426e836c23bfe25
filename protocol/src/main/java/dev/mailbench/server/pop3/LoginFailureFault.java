package dev.mailbench.server.pop3;

import dev.mailbench.server.Faults;

/**
 * The "POP3 login fails temporarily" fault: while it is on, every login is answered
 * {@code -ERR [SYS/TEMP]} (RFC 3206 §4) before any credential is looked at, as a server with its
 * authentication back end down would. It does not count as a failed login: the client did nothing wrong.
 */
final class LoginFailureFault implements LoginPolicy {
    private final Faults faults;
    private final LoginPolicy next;

    LoginFailureFault(Faults faults, LoginPolicy next) {
        this.faults = faults;
        this.next = next;
    }

    @Override
    public LoginOutcome attempt(LoginAttempt attempt) {
        if (faults.pop3LoginTemporaryFailure()) {
            return LoginOutcome.refused(Pop3ServerReply.LOGIN_TEMPORARY_FAILURE, false);
        }
        return next.attempt(attempt);
    }
}
