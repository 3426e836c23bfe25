package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void aUriReadsBackAsItIsWritten() {
        for (String uri : new String[] {"smtp://127.0.0.1:2525", "smtp+starttls://mail.example.test:587",
            "smtps://mail.example.test:465", "pop3://127.0.0.1:1110", "pop3+stls://[::1]:110", "pop3s://pop.example.test:995"}) {
            assertThat(ServerAddress.parse(uri).toUri()).isEqualTo(uri);
        }
        assertThat(ServerAddress.parse("pop3s://[::1]")).isEqualTo(new ServerAddress("::1", 995, MailProtocol.POP3,
                TlsMode.IMPLICIT));
        assertThatThrownBy(() -> ServerAddress.parse("imap://x")).hasMessageContaining("unknown scheme");
    }

    @Test
    void eachSchemeGivesItsProtocolTlsModeAndUsualPort() {
        assertThat(ServerAddress.parse("smtp://mx.example.test"))
                .isEqualTo(new ServerAddress("mx.example.test", 25, MailProtocol.SMTP, TlsMode.NONE));
        assertThat(ServerAddress.parse("smtp+starttls://mx.example.test").port()).isEqualTo(587);
        assertThat(ServerAddress.parse("smtps://mx.example.test").tlsMode()).isEqualTo(TlsMode.IMPLICIT);
        assertThat(ServerAddress.parse("pop3+stls://pop.example.test:1110"))
                .isEqualTo(new ServerAddress("pop.example.test", 1110, MailProtocol.POP3, TlsMode.STARTTLS));
        assertThat(ServerAddress.parse("POP3S://[::1]")).isEqualTo(new ServerAddress("::1", 995, MailProtocol.POP3,
                TlsMode.IMPLICIT));
    }

    @Test
    void writtenBackWithItsPortAndAnIpv6AddressInBrackets() {
        assertThat(ServerAddress.parse("pop3s://[::1]")).hasToString("pop3s://[::1]:995");
        assertThat(ServerAddress.parse("smtp+starttls://mx.example.test")).hasToString("smtp+starttls://mx.example.test:587");
    }

    @Test
    void aBareDomainIsNoUriAndABadOneIsSaidInWords() {
        assertThat(ServerAddress.looksLikeUri("example.test")).isFalse();
        assertThat(ServerAddress.looksLikeUri("smtp://example.test")).isTrue();
        assertThatThrownBy(() -> ServerAddress.parse("imap://mail.example.test")).hasMessageContaining("unknown scheme");
        assertThatThrownBy(() -> ServerAddress.parse("smtp:///")).hasMessageContaining("no host");
    }

    @Test
    void aPortOutsideTcpsRangeOrNotANumberIsSaidInWords() {
        assertThatThrownBy(() -> ServerAddress.parse("smtp://127.0.0.1:99999"))
                .hasMessage("port 99999 in smtp://127.0.0.1:99999 is not a TCP port (1 to 65535)");
        assertThatThrownBy(() -> ServerAddress.parse("smtp://127.0.0.1:0")).hasMessageContaining("is not a TCP port");
        assertThatThrownBy(() -> ServerAddress.parse("smtp://127.0.0.1:25x")).hasMessageContaining("not a port in");
        assertThat(ServerAddress.parse("smtp://[::1]").port()).isEqualTo(25);
        assertThat(ServerAddress.parse("smtp://[::1]:2525").port()).isEqualTo(2525);
    }
}
