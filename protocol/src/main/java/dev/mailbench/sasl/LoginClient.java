package dev.mailbench.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * LOGIN (draft-murchison-sasl-login): the server asks "Username:" then "Password:", each answered in base64.
 * It is what the walkthroughs type by hand.
 */
public final class LoginClient implements SaslClientMechanism {
    private final String user;
    private final String password;
    private int step;

    public LoginClient(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public String name() {
        return "LOGIN";
    }

    @Override
    public Optional<byte[]> initialResponse() {
        return Optional.empty();
    }

    /** Answers by the prompt's text when it is the usual one, else by order (user first, then password). */
    @Override
    public byte[] respond(byte[] challenge) {
        String prompt = new String(challenge, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        boolean wantsPassword = prompt.startsWith("password") || (!prompt.startsWith("user") && step > 0);
        step++;
        return (wantsPassword ? password : user).getBytes(StandardCharsets.UTF_8);
    }
}
