package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmtpCommandLinesTest {

    @Test
    void greetings() {
        assertThat(SmtpCommandLines.ehlo(" client.example.test ")).isEqualTo("EHLO client.example.test");
        assertThat(SmtpCommandLines.helo("client.example.test")).isEqualTo("HELO client.example.test");
    }

    @Test
    void pathsGetExactlyOnePairOfAngleBrackets() {
        assertThat(SmtpCommandLines.mailFrom("alice@example.test", "")).isEqualTo("MAIL FROM:<alice@example.test>");
        assertThat(SmtpCommandLines.mailFrom("<alice@example.test>", null)).isEqualTo("MAIL FROM:<alice@example.test>");
        assertThat(SmtpCommandLines.rcptTo(" <bob@example.test> ")).isEqualTo("RCPT TO:<bob@example.test>");
    }

    @Test
    void aBlankSenderIsTheNullReversePathOfBounces() {
        assertThat(SmtpCommandLines.mailFrom("", "")).isEqualTo("MAIL FROM:<>");
    }

    @Test
    void mailParametersFollowTheAddress() {
        assertThat(SmtpCommandLines.mailFrom("alice@example.test", " SIZE=1024 BODY=8BITMIME "))
                .isEqualTo("MAIL FROM:<alice@example.test> SIZE=1024 BODY=8BITMIME");
    }

    @Test
    void queriesAndBareVerbs() {
        assertThat(SmtpCommandLines.vrfy("alice")).isEqualTo("VRFY alice");
        assertThat(SmtpCommandLines.expn("class")).isEqualTo("EXPN class");
        assertThat(SmtpCommandLines.help(" ")).isEqualTo("HELP");
        assertThat(SmtpCommandLines.help("MAIL")).isEqualTo("HELP MAIL");
        assertThat(SmtpCommandLines.etrn("example.test")).isEqualTo("ETRN example.test");
        assertThat(SmtpCommandLines.bare(SmtpVerb.DATA)).isEqualTo("DATA");
        assertThatThrownBy(() -> SmtpCommandLines.bare(SmtpVerb.MAIL)).isInstanceOf(IllegalArgumentException.class);
    }
}
