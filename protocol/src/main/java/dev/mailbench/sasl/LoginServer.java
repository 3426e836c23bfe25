package dev.mailbench.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * LOGIN (draft-murchison-sasl-login), the server side: the challenges "Username:" and "Password:", each
 * answered in base64, as the walkthroughs type them by hand. A client that sends the user name as an
 * initial response goes straight to "Password:".
 */
public final class LoginServer implements SaslServerMechanism {
    public static final String USERNAME_PROMPT = "Username:";
    public static final String PASSWORD_PROMPT = "Password:";

    private enum Stage { USER, PASSWORD, DONE }

    private final CredentialsCheck credentials;
    private Stage stage = Stage.USER;
    private String login;

    public LoginServer(CredentialsCheck credentials) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public SaslStep start(Optional<byte[]> initialResponse) {
        if (initialResponse.isPresent()) {
            return step(initialResponse.get());
        }
        return prompt(USERNAME_PROMPT);
    }

    @Override
    public SaslStep step(byte[] response) {
        switch (stage) {
            case USER -> {
                Optional<String> user = PlainServer.utf8(response, 0, response.length);
                if (user.isEmpty() || user.get().isEmpty()) {
                    stage = Stage.DONE;
                    return SaslStep.rejected(SaslStep.Reason.MALFORMED, "LOGIN expects a user name in UTF-8");
                }
                login = user.get();
                stage = Stage.PASSWORD;
                return prompt(PASSWORD_PROMPT);
            }
            case PASSWORD -> {
                stage = Stage.DONE;
                Optional<String> password = PlainServer.utf8(response, 0, response.length);
                if (password.isEmpty()) {
                    return SaslStep.rejected(SaslStep.Reason.MALFORMED, "LOGIN expects a password in UTF-8");
                }
                if (!credentials.verifyPassword(login, password.get())) {
                    return SaslStep.rejected(SaslStep.Reason.BAD_CREDENTIALS, "user name or password is wrong");
                }
                return new SaslStep.Authenticated(credentials.mailboxOf(login).orElseThrow());
            }
            default -> throw new IllegalStateException("the LOGIN exchange is already over");
        }
    }

    private static SaslStep prompt(String text) {
        return new SaslStep.Challenge(text.getBytes(StandardCharsets.US_ASCII));
    }
}
