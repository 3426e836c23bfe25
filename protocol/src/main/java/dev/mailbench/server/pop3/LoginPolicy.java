package dev.mailbench.server.pop3;

/**
 * Decides a login attempt. The real decision is {@link MailboxLogin}; faults and other policies wrap it
 * ({@link LoginFailureFault}), so no login command carries an {@code if} for them.
 */
@FunctionalInterface
interface LoginPolicy {
    LoginOutcome attempt(LoginAttempt attempt);
}
