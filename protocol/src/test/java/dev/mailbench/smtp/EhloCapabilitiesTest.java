package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.Line;
import dev.mailbench.wire.Lines;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EhloCapabilitiesTest {

    @Test
    void readsTheExtensionsOfIis6FromWalkthrough004() {
        EhloCapabilities iis = EhloCapabilities.parse(reply(Walkthrough004.EHLO_REPLY));

        assertThat(iis.greeting()).isEqualTo("C34495-51701 Hello [93.62.0.xxx]");
        // RFC 5321 §4.1.1.1 makes every line after the first an ehlo-line, so IIS's closing "OK" is listed too.
        assertThat(iis.keywords()).containsExactly("AUTH", "TURN", "SIZE", "ETRN", "PIPELINING", "DSN",
                "ENHANCEDSTATUSCODES", "8BITMIME", "BINARYMIME", "CHUNKING", "VRFY", "OK");
    }

    @Test
    void authAndTheOldAuthEqualsFormAreOneListOfMechanisms() {
        EhloCapabilities iis = EhloCapabilities.parse(reply(Walkthrough004.EHLO_REPLY));

        assertThat(iis.authMechanisms()).containsExactly("GSSAPI", "NTLM", "LOGIN");
        assertThat(iis.parameters("AUTH")).containsExactly("GSSAPI", "NTLM", "LOGIN");
    }

    @Test
    void everyMechanismOfAnAuthEqualsLineCounts() {
        // Postfix with broken_sasl_auth_clients announces both forms, several mechanisms in each.
        EhloCapabilities postfix = EhloCapabilities.parse(SmtpReply.of(250,
                "mail.example.test", "AUTH PLAIN LOGIN CRAM-MD5", "AUTH=PLAIN LOGIN CRAM-MD5"));
        EhloCapabilities onlyOldForm = EhloCapabilities.parse(SmtpReply.of(250, "mail.example.test", "AUTH=PLAIN LOGIN"));

        assertThat(postfix.authMechanisms()).containsExactly("PLAIN", "LOGIN", "CRAM-MD5");
        assertThat(onlyOldForm.authMechanisms()).containsExactly("PLAIN", "LOGIN");
    }

    @Test
    void keywordsAreCaseInsensitive() {
        // RFC 5321 §2.4: verbs and extension keywords are not case sensitive; IIS writes "8bitmime".
        EhloCapabilities iis = EhloCapabilities.parse(reply(Walkthrough004.EHLO_REPLY));
        EhloCapabilities lower = EhloCapabilities.parse(SmtpReply.of(250, "x", "auth plain login", "starttls"));

        assertThat(iis.has("8bitmime")).isTrue();
        assertThat(iis.has("8BITMIME")).isTrue();
        assertThat(iis.has("Pipelining")).isTrue();
        assertThat(iis.has("STARTTLS")).isFalse();
        assertThat(lower.has("STARTTLS")).isTrue();
        assertThat(lower.authMechanisms()).containsExactly("PLAIN", "LOGIN");
    }

    @Test
    void sizeWithoutANumberIsReportedAsZeroAndWithANumberItIsTheLimit() {
        // RFC 1870 §4: "SIZE" alone says nothing about a maximum, "SIZE 0" that there is none; both read as 0.
        EhloCapabilities iis = EhloCapabilities.parse(reply(Walkthrough004.EHLO_REPLY));
        EhloCapabilities sized = EhloCapabilities.parse(SmtpReply.of(250, "x", "SIZE 35882577"));
        EhloCapabilities unsized = EhloCapabilities.parse(SmtpReply.of(250, "x", "PIPELINING"));

        assertThat(iis.maxSize()).isEqualTo(OptionalLong.of(0));
        assertThat(sized.maxSize()).isEqualTo(OptionalLong.of(35882577));
        assertThat(sized.firstParameter("size")).contains("35882577");
        assertThat(unsized.maxSize()).isEmpty();
    }

    @Test
    void aHeloStyleReplyOrNoneAtAllHasNoExtensions() {
        EhloCapabilities greetingOnly = EhloCapabilities.parse(SmtpReply.of(250, "London.nwtraders.msft"));

        assertThat(greetingOnly.keywords()).isEmpty();
        assertThat(greetingOnly.greeting()).isEqualTo("London.nwtraders.msft");
        assertThat(EhloCapabilities.none().keywords()).isEmpty();
        assertThat(EhloCapabilities.none().authMechanisms()).isEmpty();
    }

    private static SmtpReply reply(String wire) {
        SmtpReplyParser parser = new SmtpReplyParser();
        SmtpReply reply = null;
        for (Line line : Lines.of(wire)) {
            reply = parser.accept(line);
        }
        return reply;
    }
}
