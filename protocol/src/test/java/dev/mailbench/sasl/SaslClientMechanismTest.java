package dev.mailbench.sasl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SaslClientMechanismTest {

    @Test
    void plainSendsTheRfc4616ExampleInOneInitialResponse() {
        // RFC 4616 §4: "<NUL>tim<NUL>tanstaaftanstaaf", a 21-octet literal in the ACAP example.
        SaslClientMechanism plain = new PlainClient("", "tim", "tanstaaftanstaaf");

        byte[] message = plain.initialResponse().orElseThrow();

        assertThat(message).hasSize(21).isEqualTo("\0tim\0tanstaaftanstaaf".getBytes(StandardCharsets.UTF_8));
        assertThat(SaslText.encode(message)).isEqualTo("AHRpbQB0YW5zdGFhZnRhbnN0YWFm");
        assertThat(plain.name()).isEqualTo("PLAIN");
    }

    @Test
    void plainCarriesAnAuthorizationIdentityFirst() {
        // RFC 4616 §4: Kurt authenticates and asks to act as Ursel, the 20-octet "Ursel<NUL>Kurt<NUL>xipj3plmq".
        byte[] message = new PlainClient("Ursel", "Kurt", "xipj3plmq").initialResponse().orElseThrow();

        assertThat(message).hasSize(20);
        assertThat(SaslText.encode(message)).isEqualTo("VXJzZWwAS3VydAB4aXBqM3BsbXE=");
    }

    @Test
    void plainAnswersAnEmptyChallengeWithTheSameMessage() {
        SaslClientMechanism plain = new PlainClient("", "tim", "tanstaaftanstaaf");

        assertThat(plain.respond(new byte[0])).isEqualTo(plain.initialResponse().orElseThrow());
    }

    @Test
    void loginAnswersUsernameThenPassword() {
        SaslClientMechanism login = new LoginClient("tim", "tanstaaftanstaaf");

        assertThat(login.initialResponse()).isEmpty();
        assertThat(utf8(login.respond(decode("VXNlcm5hbWU6")))).isEqualTo("tim");
        assertThat(utf8(login.respond(decode("UGFzc3dvcmQ6")))).isEqualTo("tanstaaftanstaaf");
    }

    @Test
    void loginFollowsTheOrderWhenThePromptsAreUnusual() {
        // Walkthrough 004's prompts were mistyped ("VXNlcm57uWU6", "UFFzc3dzcmQ7"); the order still tells.
        SaslClientMechanism login = new LoginClient("iperborea", "secret");

        assertThat(utf8(login.respond(decode("VXNlcm57uWU6")))).isEqualTo("iperborea");
        assertThat(utf8(login.respond(decode("UFFzc3dzcmQ7")))).isEqualTo("secret");
    }

    @Test
    void cramMd5MatchesTheRfc2195Example() {
        // RFC 2195 §2: user tim, shared secret tanstaaftanstaaf.
        SaslClientMechanism cram = new CramMd5Client("tim", "tanstaaftanstaaf");
        byte[] challenge = decode("PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+");

        byte[] response = cram.respond(challenge);

        assertThat(utf8(challenge)).isEqualTo("<1896.697170952@postoffice.reston.mci.net>");
        assertThat(utf8(response)).isEqualTo("tim b913a602c7eda7a495b4e6e7334d3890");
        assertThat(SaslText.encode(response)).isEqualTo("dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw");
        assertThat(cram.initialResponse()).isEmpty();
    }

    @Test
    void mechanismsAreFoundByNameInAnyCase() {
        assertThat(SaslClientMechanism.forName("plain", "u", "p")).isInstanceOf(PlainClient.class);
        assertThat(SaslClientMechanism.forName("Login", "u", "p")).isInstanceOf(LoginClient.class);
        assertThat(SaslClientMechanism.forName("CRAM-MD5", "u", "p").name()).isEqualTo("CRAM-MD5");
        assertThatThrownBy(() -> SaslClientMechanism.forName("GSSAPI", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GSSAPI");
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
