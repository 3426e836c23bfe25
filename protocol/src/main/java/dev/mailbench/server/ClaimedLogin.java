package dev.mailbench.server;

import dev.mailbench.sasl.CredentialsCheck;
import java.util.Optional;

/**
 * The accounts as a SASL mechanism checks them, remembering the name the client claimed: so a failed AUTH can
 * be counted against that account ({@link ClassPolicy#loginFailed}), which the mechanism's verdict does not name.
 */
public final class ClaimedLogin implements CredentialsCheck {
    private final CredentialsCheck accounts;
    private volatile String claimed;

    public ClaimedLogin(CredentialsCheck accounts) {
        this.accounts = accounts;
    }

    /** The last login name the mechanism looked up, if it got that far. */
    public Optional<String> claimed() {
        return Optional.ofNullable(claimed);
    }

    @Override
    public Optional<String> mailboxOf(String login) {
        claimed = login;
        return accounts.mailboxOf(login);
    }

    @Override
    public boolean verifyPassword(String login, String password) {
        claimed = login;
        return accounts.verifyPassword(login, password);
    }

    @Override
    public Optional<String> sharedSecret(String login) {
        claimed = login;
        return accounts.sharedSecret(login);
    }
}
