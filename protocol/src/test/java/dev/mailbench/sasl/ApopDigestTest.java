package dev.mailbench.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApopDigestTest {
    // RFC 1939 §7, the example of the APOP command
    private static final String TIMESTAMP = "<1896.697170952@dbc.mtview.ca.us>";

    @Test
    void theExampleFromRfc1939() {
        assertThat(ApopDigest.of(TIMESTAMP, "tanstaaf")).isEqualTo("c4c9334bac560ecc979e58001b3e22fb");
    }

    @Test
    void theServerAcceptsTheDigestInEitherCase() {
        assertThat(ApopDigest.matches(TIMESTAMP, "tanstaaf", "c4c9334bac560ecc979e58001b3e22fb")).isTrue();
        assertThat(ApopDigest.matches(TIMESTAMP, "tanstaaf", "C4C9334BAC560ECC979E58001B3E22FB")).isTrue();
    }

    @Test
    void anotherSecretOrTimestampDoesNotMatch() {
        assertThat(ApopDigest.matches(TIMESTAMP, "tanstaafl", "c4c9334bac560ecc979e58001b3e22fb")).isFalse();
        assertThat(ApopDigest.matches("<1897.697170952@dbc.mtview.ca.us>", "tanstaaf",
                "c4c9334bac560ecc979e58001b3e22fb")).isFalse();
        assertThat(ApopDigest.matches(TIMESTAMP, "tanstaaf", "c4c9334bac560ecc979e58001b3e22f")).isFalse();
    }
}
