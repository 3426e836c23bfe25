package dev.mailbench.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Pop3CommandLinesTest {

    @Test
    void login() {
        assertThat(Pop3CommandLines.user(" alice ")).isEqualTo("USER alice");
        assertThat(Pop3CommandLines.pass("two words")).isEqualTo("PASS two words");
    }

    @Test
    void apopDigestIsTheOneFromRfc1939() {
        // RFC 1939 §7, the example of the APOP command
        assertThat(Pop3CommandLines.apop("mrose", "<1896.697170952@dbc.mtview.ca.us>", "tanstaaf"))
                .isEqualTo("APOP mrose c4c9334bac560ecc979e58001b3e22fb");
    }

    @Test
    void messageNumbers() {
        assertThat(Pop3CommandLines.withOptionalNumber(Pop3Verb.LIST, "")).isEqualTo("LIST");
        assertThat(Pop3CommandLines.withOptionalNumber(Pop3Verb.UIDL, " 2")).isEqualTo("UIDL 2");
        assertThat(Pop3CommandLines.withNumber(Pop3Verb.RETR, "1")).isEqualTo("RETR 1");
        assertThat(Pop3CommandLines.withNumber(Pop3Verb.DELE, "3")).isEqualTo("DELE 3");
        assertThat(Pop3CommandLines.top("1", "10")).isEqualTo("TOP 1 10");
        assertThat(Pop3CommandLines.bare(Pop3Verb.STAT)).isEqualTo("STAT");
        assertThatThrownBy(() -> Pop3CommandLines.bare(Pop3Verb.RETR)).isInstanceOf(IllegalArgumentException.class);
    }
}
