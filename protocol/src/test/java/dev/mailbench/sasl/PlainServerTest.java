package dev.mailbench.sasl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.server.Accounts;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PLAIN on the server side, with the examples of RFC 4616 §4. */
class PlainServerTest {

    /** RFC 4616 §4's users: tim with password tanstaaftanstaaf, and Kurt who would act as Ursel. */
    private static final Accounts ACCOUNTS = Accounts.builder()
            .domain("example.test")
            .user("tim", "Tim", "tanstaaftanstaaf", false)
            .user("kurt", "Kurt", "xipj3plmq", false)
            .user("ursel", "Ursel", "ursels-own", false)
            .build();

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void rfc4616ExampleWithAnInitialResponse() {
        // RFC 4616 §4: C: a002 AUTHENTICATE "PLAIN" {21} <NUL>tim<NUL>tanstaaftanstaaf
        SaslStep verdict = new PlainServer(ACCOUNTS).start(Optional.of(bytes("\0tim\0tanstaaftanstaaf")));

        assertThat(verdict).isEqualTo(new SaslStep.Authenticated("tim"));
    }

    @Test
    void withoutAnInitialResponseTheServerSendsAnEmptyChallengeFirst() {
        PlainServer plain = new PlainServer(ACCOUNTS);

        SaslStep first = plain.start(Optional.empty());

        assertThat(first).isInstanceOf(SaslStep.Challenge.class);
        assertThat(((SaslStep.Challenge) first).challenge()).isEmpty();
        assertThat(plain.step(bytes("\0tim\0tanstaaftanstaaf"))).isEqualTo(new SaslStep.Authenticated("tim"));
    }

    @Test
    void rfc4616ExampleOfActingForAnotherUserIsRefused() {
        // RFC 4616 §4: Kurt authenticates and asks to act as Ursel; the practice server allows no proxies.
        SaslStep verdict = new PlainServer(ACCOUNTS).start(Optional.of(bytes("Ursel\0Kurt\0xipj3plmq")));

        assertThat(verdict).isInstanceOfSatisfying(SaslStep.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(SaslStep.Reason.AUTHORIZATION_DENIED));
    }

    @Test
    void anAuthorizationIdentityNamingTheSameMailboxIsAccepted() {
        SaslStep verdict = new PlainServer(ACCOUNTS)
                .start(Optional.of(bytes("tim@example.test\0TIM\0tanstaaftanstaaf")));

        assertThat(verdict).isEqualTo(new SaslStep.Authenticated("tim"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        SaslStep wrongPassword = new PlainServer(ACCOUNTS).start(Optional.of(bytes("\0tim\0guess")));
        SaslStep unknownUser = new PlainServer(ACCOUNTS).start(Optional.of(bytes("\0mallory\0tanstaaftanstaaf")));

        assertThat(wrongPassword).isEqualTo(unknownUser);
        assertThat(wrongPassword).isInstanceOfSatisfying(SaslStep.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(SaslStep.Reason.BAD_CREDENTIALS));
    }

    @Test
    void messagesWithoutTwoNulsOrWithEmptyFieldsAreMalformed() {
        for (String message : new String[] {"tim tanstaaftanstaaf", "\0tim", "\0tim\0pw\0extra", "\0\0pw", "\0tim\0"}) {
            assertThat(new PlainServer(ACCOUNTS).start(Optional.of(bytes(message))))
                    .as(message.replace("\0", "<NUL>"))
                    .isInstanceOfSatisfying(SaslStep.Rejected.class,
                            r -> assertThat(r.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
        }
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] message = {0, 't', 'i', 'm', 0, (byte) 0xC3, (byte) 0x28};

        assertThat(new PlainServer(ACCOUNTS).start(Optional.of(message)))
                .isInstanceOfSatisfying(SaslStep.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
    }

    @Test
    void ourOwnClientMechanismIsUnderstood() {
        SaslClientMechanism client = new PlainClient("", "tim", "tanstaaftanstaaf");

        assertThat(new PlainServer(ACCOUNTS).start(client.initialResponse()))
                .isEqualTo(new SaslStep.Authenticated("tim"));
    }

    @Test
    void anExchangeCannotContinueAfterItsVerdict() {
        PlainServer plain = new PlainServer(ACCOUNTS);
        plain.start(Optional.of(bytes("\0tim\0tanstaaftanstaaf")));

        assertThatThrownBy(() -> plain.step(bytes("\0tim\0tanstaaftanstaaf"))).isInstanceOf(IllegalStateException.class);
    }
}
