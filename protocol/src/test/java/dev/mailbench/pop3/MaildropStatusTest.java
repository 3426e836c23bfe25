package dev.mailbench.pop3;

import static dev.mailbench.wire.Lines.octets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.WireLimits;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class MaildropStatusTest {

    @Test
    void statGivesTheNumberOfMessagesAndTheirSize() {
        // RFC 1939 §5, the STAT example.
        assertThat(MaildropStatus.parse(response("+OK 2 320\r\n"))).contains(new MaildropStatus(2, 320));
        assertThat(MaildropStatus.parse(response("+OK 0 0\r\n"))).contains(new MaildropStatus(0, 0));
    }

    @Test
    void whatFollowsTheSizeIsTheServersBusiness() {
        // RFC 1939 §5: more advanced implementations may add other information after the size.
        assertThat(MaildropStatus.parse(response("+OK 3 4500 messages waiting\r\n")))
                .contains(new MaildropStatus(3, 4500));
    }

    @Test
    void anythingElseIsNoStatus() {
        assertThat(MaildropStatus.parse(response("-ERR [SYS/TEMP] try later\r\n"))).isEmpty();
        assertThat(MaildropStatus.parse(response("+OK maildrop ready\r\n"))).isEmpty();
        assertThat(MaildropStatus.parse(response("+OK 2\r\n"))).isEmpty();
        assertThat(MaildropStatus.parse(response("+OK\r\n"))).isEmpty();
        assertThat(MaildropStatus.parse(response("+OK -1 320\r\n"))).isEmpty();
        assertThat(MaildropStatus.parse(response("+OK +2 320\r\n"))).isEmpty();
        assertThat(MaildropStatus.parse(response("+OK 2 99999999999999999999999\r\n"))).isEmpty();
    }

    private static Pop3Reply response(String wire) {
        return Pop3ReplyParserTest.responses(new ByteArrayInputStream(octets(wire)), WireLimits.RFC, false).get(0);
    }
}
