package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Server URIs as mailbench --connect and mailbench diagnose read them. */
class ServerUriTest {

    @Test
    void eachSchemeGivesItsProtocolTlsModeAndUsualPort() {
        assertThat(ServerUri.parse("smtp://mx.example.test"))
                .isEqualTo(new ServerUri("mx.example.test", 25, MailProtocol.SMTP, TlsMode.NONE));
        assertThat(ServerUri.parse("smtp+starttls://mx.example.test").port()).isEqualTo(587);
        assertThat(ServerUri.parse("smtps://mx.example.test").tlsMode()).isEqualTo(TlsMode.IMPLICIT);
        assertThat(ServerUri.parse("pop3+stls://pop.example.test:1110"))
                .isEqualTo(new ServerUri("pop.example.test", 1110, MailProtocol.POP3, TlsMode.STARTTLS));
        assertThat(ServerUri.parse("POP3S://[::1]")).isEqualTo(new ServerUri("::1", 995, MailProtocol.POP3,
                TlsMode.IMPLICIT));
    }

    @Test
    void writtenBackWithItsPortAndAnIpv6AddressInBrackets() {
        assertThat(ServerUri.parse("pop3s://[::1]")).hasToString("pop3s://[::1]:995");
        assertThat(ServerUri.parse("smtp+starttls://mx.example.test")).hasToString("smtp+starttls://mx.example.test:587");
    }

    @Test
    void aBareDomainIsNoUriAndABadOneIsSaidInWords() {
        assertThat(ServerUri.looksLikeUri("example.test")).isFalse();
        assertThat(ServerUri.looksLikeUri("smtp://example.test")).isTrue();
        assertThatThrownBy(() -> ServerUri.parse("imap://mail.example.test")).hasMessageContaining("unknown scheme");
        assertThatThrownBy(() -> ServerUri.parse("smtp:///")).hasMessageContaining("no host");
    }
}
