package dev.mailbench.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.Accounts;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** LOGIN on the server side: the "Username:" / "Password:" dialogue of walkthrough 004. */
class LoginServerTest {

    private static final Accounts ACCOUNTS = Accounts.defaults();

    private static String text(SaslStep step) {
        assertThat(step).isInstanceOf(SaslStep.Challenge.class);
        return new String(((SaslStep.Challenge) step).challenge(), UTF_8);
    }

    @Test
    void asksForTheUserNameThenThePassword() {
        LoginServer login = new LoginServer(ACCOUNTS);

        SaslStep first = login.start(Optional.empty());
        // On the wire, base64: 334 VXNlcm5hbWU6 and 334 UGFzc3dvcmQ6
        assertThat(Base64.getEncoder().encodeToString(((SaslStep.Challenge) first).challenge())).isEqualTo("VXNlcm5hbWU6");
        assertThat(text(first)).isEqualTo("Username:");
        SaslStep second = login.step("alice".getBytes(UTF_8));
        assertThat(Base64.getEncoder().encodeToString(((SaslStep.Challenge) second).challenge())).isEqualTo("UGFzc3dvcmQ6");
        assertThat(login.step("alice-pass".getBytes(UTF_8))).isEqualTo(new SaslStep.Authenticated("alice"));
    }

    @Test
    void aUserNameGivenAsInitialResponseGoesStraightToThePassword() {
        LoginServer login = new LoginServer(ACCOUNTS);

        assertThat(text(login.start(Optional.of("bob@example.test".getBytes(UTF_8))))).isEqualTo("Password:");
        assertThat(login.step("bob-pass".getBytes(UTF_8))).isEqualTo(new SaslStep.Authenticated("bob"));
    }

    @Test
    void aWrongPasswordIsRejected() {
        LoginServer login = new LoginServer(ACCOUNTS);
        login.start(Optional.empty());
        login.step("alice".getBytes(UTF_8));

        assertThat(login.step("bob-pass".getBytes(UTF_8))).isInstanceOfSatisfying(SaslStep.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(SaslStep.Reason.BAD_CREDENTIALS));
    }

    @Test
    void ourOwnClientMechanismAnswersThePrompts() {
        SaslClientMechanism client = new LoginClient("bob", "bob-pass");
        LoginServer server = new LoginServer(ACCOUNTS);

        SaslStep step = server.start(client.initialResponse());
        while (step instanceof SaslStep.Challenge challenge) {
            step = server.step(client.respond(challenge.challenge()));
        }

        assertThat(step).isEqualTo(new SaslStep.Authenticated("bob"));
    }
}
