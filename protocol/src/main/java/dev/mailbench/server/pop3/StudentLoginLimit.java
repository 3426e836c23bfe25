package dev.mailbench.server.pop3;

import dev.mailbench.server.ClassPolicy;
import java.util.Optional;

/**
 * A class's limits on logging in, around the login decision: an account of a student's whose logins pause
 * after too many failures is answered {@code -ERR [AUTH]} before any credential is looked at (RFC 3206 §4),
 * and a student already using as many connections as allowed gets {@code -ERR [IN-USE]} (RFC 2449 §8.1.1)
 * after a right login, the mailbox released again. Accounts that are not students' pass straight through.
 */
final class StudentLoginLimit implements LoginPolicy {
    private final ClassPolicy policy;
    private final LoginPolicy next;

    StudentLoginLimit(ClassPolicy policy, LoginPolicy next) {
        this.policy = policy;
        this.next = next;
    }

    @Override
    public LoginOutcome attempt(LoginAttempt attempt) {
        if (policy.loginsPaused(attempt.loginName())) {
            return LoginOutcome.refused(Pop3ServerReply.LOGINS_PAUSED, false);
        }
        LoginOutcome outcome = next.attempt(attempt);
        if (!outcome.succeeded()) {
            if (outcome.wrongCredentials()) {
                policy.loginFailed(attempt.loginName());
            }
            return outcome;
        }
        policy.loginSucceeded(outcome.mailboxName());
        Optional<String> student = policy.student(outcome.mailboxName());
        if (student.isPresent() && policy.connectionOf(student.get()).isPresent()) {
            outcome.mailbox().close();
            return LoginOutcome.refused(Pop3ServerReply.STUDENT_CONNECTIONS, false);
        }
        return outcome;
    }
}
