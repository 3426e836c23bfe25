package dev.mailbench.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import org.junit.jupiter.api.Test;

class ConnectionUriTest {

    @Test
    void schemesNameProtocolAndTls() {
        assertThat(ConnectionUri.parse("smtp://127.0.0.1:2525"))
                .isEqualTo(new ConnectionSettings("127.0.0.1", 2525, MailProtocol.SMTP, TlsMode.NONE));
        assertThat(ConnectionUri.parse("smtp+starttls://smtp.example.test"))
                .isEqualTo(new ConnectionSettings("smtp.example.test", 587, MailProtocol.SMTP, TlsMode.STARTTLS));
        assertThat(ConnectionUri.parse("SMTPS://smtp.example.test").port()).isEqualTo(465);
        assertThat(ConnectionUri.parse("pop3://127.0.0.1:1110"))
                .isEqualTo(new ConnectionSettings("127.0.0.1", 1110, MailProtocol.POP3, TlsMode.NONE));
        assertThat(ConnectionUri.parse("pop3+stls://pop.example.test").tlsMode()).isEqualTo(TlsMode.STARTTLS);
        assertThat(ConnectionUri.parse("pop3s://[::1]")).isEqualTo(new ConnectionSettings("::1", 995,
                MailProtocol.POP3, TlsMode.IMPLICIT));
    }

    @Test
    void somethingElseIsRefusedWithAReason() {
        assertThatThrownBy(() -> ConnectionUri.parse("imap://mail.example.test")).hasMessageContaining("unknown scheme");
        assertThatThrownBy(() -> ConnectionUri.parse("smtp:///nohost")).hasMessageContaining("no host");
        assertThatThrownBy(() -> ConnectionUri.parse("smtp://a b")).hasMessageContaining("not a server address");
    }
}
