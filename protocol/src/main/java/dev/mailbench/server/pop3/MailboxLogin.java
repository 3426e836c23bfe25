package dev.mailbench.server.pop3;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.MailBackend;
import dev.mailbench.store.InvalidUserNameException;
import dev.mailbench.store.MailboxInUseException;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The login decision itself: check the credentials, then take the mailbox's exclusive lock (RFC 1939 §8),
 * which a second session cannot have ({@code -ERR [IN-USE]}, RFC 2449 §8).
 */
final class MailboxLogin implements LoginPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxLogin.class);

    private final Accounts accounts;
    private final MailBackend backend;

    MailboxLogin(Accounts accounts, MailBackend backend) {
        this.accounts = accounts;
        this.backend = backend;
    }

    @Override
    public LoginOutcome attempt(LoginAttempt attempt) {
        if (!attempt.proof().getAsBoolean()) {
            return LoginOutcome.refused(attempt.refusal(), true);
        }
        Optional<String> mailbox = accounts.mailboxOf(attempt.loginName());
        if (mailbox.isEmpty()) {
            return LoginOutcome.refused(Pop3ServerReply.AUTH_FAILED, true);
        }
        try {
            return LoginOutcome.loggedIn(backend.openMaildrop(mailbox.get()));
        } catch (MailboxInUseException e) {
            return LoginOutcome.refused(Pop3ServerReply.MAILBOX_IN_USE, false);
        } catch (IOException | InvalidUserNameException e) {
            LOG.warn("The mailbox {} cannot be opened", mailbox.get(), e);
            return LoginOutcome.refused(Pop3ServerReply.MAILBOX_UNAVAILABLE, false);
        }
    }
}
