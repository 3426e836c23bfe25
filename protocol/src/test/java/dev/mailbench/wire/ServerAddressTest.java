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
}
