package dev.mailbench.sasl;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.server.Accounts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CRAM-MD5 on the server side, with the example of RFC 2195 §2. */
class CramMd5ServerTest {

    private static final String RFC_CHALLENGE = "<1896.697170952@postoffice.reston.mci.net>";

    private static final Accounts ACCOUNTS = Accounts.builder()
            .domain("example.test")
            .user("tim", "Tim", "tanstaaftanstaaf", true)
            .user("hashonly", "Hash Only", "secret-pass", false)
            .build();

    private static CramMd5Server withRfcChallenge() {
        return new CramMd5Server(ACCOUNTS, () -> RFC_CHALLENGE);
    }

    @Test
    void rfc2195Example() {
        CramMd5Server server = withRfcChallenge();

        SaslStep challenge = server.start(Optional.empty());
        assertThat(new String(((SaslStep.Challenge) challenge).challenge(), US_ASCII)).isEqualTo(RFC_CHALLENGE);
        // RFC 2195 §2: the client's answer, before base64.
        SaslStep verdict = server.step("tim b913a602c7eda7a495b4e6e7334d3890".getBytes(US_ASCII));

        assertThat(verdict).isEqualTo(new SaslStep.Authenticated("tim"));
    }

    @Test
    void aWrongDigestIsRejected() {
        CramMd5Server server = withRfcChallenge();
        server.start(Optional.empty());

        assertThat(server.step("tim b913a602c7eda7a495b4e6e7334d3891".getBytes(US_ASCII)))
                .isInstanceOfSatisfying(SaslStep.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(SaslStep.Reason.BAD_CREDENTIALS));
    }

    @Test
    void anAccountWithoutARecoverableSecretFailsWithAClearReason() {
        CramMd5Server server = withRfcChallenge();
        server.start(Optional.empty());

        SaslStep verdict = server.step(("hashonly " + CramMd5Client.digest("secret-pass", RFC_CHALLENGE.getBytes(US_ASCII)))
                .getBytes(US_ASCII));

        assertThat(verdict).isInstanceOfSatisfying(SaslStep.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(SaslStep.Reason.NO_SHARED_SECRET);
            assertThat(r.explanation()).contains("hashonly", "only a password hash", "PLAIN");
        });
    }

    @Test
    void anInitialResponseIsAProtocolError() {
        assertThat(withRfcChallenge().start(Optional.of("tim".getBytes(US_ASCII))))
                .isInstanceOfSatisfying(SaslStep.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
    }

    @Test
    void anAnswerWithoutDigestIsMalformed() {
        CramMd5Server server = withRfcChallenge();
        server.start(Optional.empty());

        assertThat(server.step("tim".getBytes(US_ASCII))).isInstanceOfSatisfying(SaslStep.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(SaslStep.Reason.MALFORMED));
    }

    @Test
    void generatedChallengesHaveTheRfcFormAndDiffer() {
        Clock clock = Clock.fixed(Instant.ofEpochMilli(697170952L), ZoneOffset.UTC);

        String one = CramMd5Server.challengeFor("mail.example.test", clock);
        String two = CramMd5Server.challengeFor("mail.example.test", clock);

        assertThat(one).matches("<\\d+\\.697170952@mail\\.example\\.test>");
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void ourOwnClientMechanismAnswersAFreshChallenge() {
        CramMd5Server server = new CramMd5Server(ACCOUNTS, "mail.example.test");
        SaslClientMechanism client = new CramMd5Client("tim", "tanstaaftanstaaf");

        SaslStep challenge = server.start(client.initialResponse());

        assertThat(server.step(client.respond(((SaslStep.Challenge) challenge).challenge())))
                .isEqualTo(new SaslStep.Authenticated("tim"));
    }

    @Test
    void mechanismsAreFoundByName() {
        assertThat(SaslServerMechanism.forName("cram-md5", ACCOUNTS, "h")).get()
                .extracting(SaslServerMechanism::name).isEqualTo("CRAM-MD5");
        assertThat(SaslServerMechanism.forName("GSSAPI", ACCOUNTS, "h")).isEmpty();
    }
}
