package dev.mailbench.server.pop3;

import dev.mailbench.server.Accounts;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * LOGIN (draft-murchison-sasl-login): the server asks "Username:" then "Password:", the client answers
 * each. A client may send the user name as an initial response.
 */
final class LoginAuthExchange implements AuthExchange {
    private static final byte[] USERNAME = "Username:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PASSWORD = "Password:".getBytes(StandardCharsets.US_ASCII);

    private final Accounts accounts;
    private String user;

    LoginAuthExchange(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String mechanism() {
        return "LOGIN";
    }

    @Override
    public Step start(Optional<byte[]> initialResponse) {
        return initialResponse.map(this::step).orElseGet(() -> new Challenge(USERNAME.clone()));
    }

    @Override
    public Step step(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        if (user == null) {
            user = text;
            return new Challenge(PASSWORD.clone());
        }
        String name = user;
        return new Finished(new LoginAttempt("AUTH LOGIN", name, () -> accounts.verifyPassword(name, text),
                Pop3ServerReply.AUTH_FAILED));
    }
}
