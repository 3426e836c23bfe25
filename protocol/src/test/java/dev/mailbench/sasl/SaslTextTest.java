package dev.mailbench.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.Annotation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SaslTextTest {

    @Test
    void theLoginPromptsDecodeToUsernameAndPassword() {
        assertThat(SaslText.decode("VXNlcm5hbWU6")).hasValueSatisfying(bytes -> assertThat(utf8(bytes)).isEqualTo("Username:"));
        assertThat(SaslText.decode("UGFzc3dvcmQ6")).hasValueSatisfying(bytes -> assertThat(utf8(bytes)).isEqualTo("Password:"));
        assertThat(SaslText.challenge("VXNlcm5hbWU6").decoded())
                .isEqualTo("challenge decoded from base64: \"Username:\"");
    }

    @Test
    void aChallengeThatIsNotTextIsShownInHex() {
        // Walkthrough 004 shows "334 VXNlcm57uWU6", a mistyped "Username:" that decodes to a stray 0xB9 octet.
        assertThat(SaslText.challenge("VXNlcm57uWU6").decoded())
                .isEqualTo("challenge decoded from base64: hex 557365726e7bb9653a");
    }

    @Test
    void equalsSignIsTheEmptyResponse() {
        // RFC 4954 §4: an empty initial response is sent as a single "=".
        assertThat(SaslText.encode(new byte[0])).isEqualTo("=");
        assertThat(SaslText.decode("=")).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
        assertThat(SaslText.decode("")).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
    }

    @Test
    void textThatIsNotBase64IsRecognisedAsSuch() {
        assertThat(SaslText.decode("not base64!")).isEmpty();
        assertThat(SaslText.decode("QUJD=")).as("padding where none belongs").isEmpty();
        assertThat(SaslText.challenge("%%%").decoded()).isEqualTo("challenge is not valid base64");
    }

    @Test
    void anAsteriskCancelsTheExchange() {
        // RFC 4954 §4: "*" as a response cancels the AUTH command; it carries no secret.
        Annotation cancel = SaslText.response("LOGIN", 1, "*");

        assertThat(cancel.decoded()).isEqualTo("cancels the authentication exchange (RFC 4954 §4)");
        assertThat(cancel.secret()).isFalse();
    }

    @Test
    void thePlainPasswordIsMaskedAndTheIdentitiesShown() {
        // RFC 4616 §2: [authzid] NUL authcid NUL passwd.
        Annotation plain = SaslText.response("PLAIN", 0, "AHRpbQB0YW5zdGFhZnRhbnN0YWFm");

        assertThat(plain.secret()).isTrue();
        assertThat(plain.decoded())
                .isEqualTo("response decoded from base64: \"⟨NUL⟩tim⟨NUL⟩" + SaslText.MASK + "\"")
                .doesNotContain("tanstaaf");
        assertThat(plain.revealed()).isEqualTo("response decoded from base64: \"⟨NUL⟩tim⟨NUL⟩tanstaaftanstaaf\"");
    }

    @Test
    void aPlainResponseOfTheWrongShapeIsMaskedWhole() {
        String userAndPassword = SaslText.encode("tim tanstaaftanstaaf".getBytes(StandardCharsets.UTF_8));

        Annotation plain = SaslText.response("PLAIN", 0, userAndPassword);

        assertThat(plain.secret()).isTrue();
        assertThat(plain.decoded()).doesNotContain("tanstaaf").endsWith(SaslText.MASK);
    }

    @Test
    void theLoginUserNameIsShownAndThePasswordMasked() {
        Annotation user = SaslText.response("LOGIN", 0, SaslText.encode(bytes("tim")));
        Annotation password = SaslText.response("login", 1, SaslText.encode(bytes("tanstaaftanstaaf")));

        assertThat(user.secret()).isFalse();
        assertThat(user.decoded()).isEqualTo("response decoded from base64: \"tim\"");
        assertThat(password.secret()).isTrue();
        assertThat(password.decoded()).isEqualTo("response decoded from base64: \"" + SaslText.MASK + "\" (the password)");
        assertThat(password.revealed()).contains("tanstaaftanstaaf");
    }

    @Test
    void aPasswordTypedWithoutBase64StaysMasked() {
        // Typed in clear at the "Password:" prompt, the line itself is the password.
        Annotation clear = SaslText.response("LOGIN", 1, "hunter2!");
        Annotation userInClear = SaslText.response("LOGIN", 0, "tim!");

        assertThat(clear.secret()).isTrue();
        assertThat(clear.decoded()).startsWith("response is not valid base64").doesNotContain("hunter2");
        assertThat(userInClear.secret()).isFalse();
        assertThat(SaslText.response("PLAIN", 0, "tim tanstaaf!").secret()).isTrue();
    }

    @Test
    void aCramMd5ResponseCarriesNoPasswordSoItIsShown() {
        Annotation cram = SaslText.response("CRAM-MD5", 0, "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw");

        assertThat(cram.secret()).isFalse();
        assertThat(cram.decoded()).isEqualTo("response decoded from base64: \"tim b913a602c7eda7a495b4e6e7334d3890\"");
    }

    @Test
    void anUnknownMechanismsResponseIsHiddenUntilAskedFor() {
        Annotation other = SaslText.response("SCRAM-SHA-256", 0, SaslText.encode(bytes("n,,n=tim,r=nonce")));

        assertThat(other.secret()).isTrue();
        assertThat(other.decoded()).doesNotContain("tim");
        assertThat(other.revealed()).contains("n=tim");
    }

    @Test
    void controlOctetsAreShownNotHidden() {
        assertThat(SaslText.display(new byte[] {'a', 0, 'b', 0x1B})).isEqualTo("\"a⟨NUL⟩b⟨1B⟩\"");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
