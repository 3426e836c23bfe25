package dev.mailbench.pop3;

import static dev.mailbench.wire.Lines.octets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.wire.WireLimits;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class ScanListingTest {

    @Test
    void aMultiLineListGivesNumberAndSizeOfEachMessage() {
        // RFC 1939 §5, the LIST example.
        Pop3Reply list = response("+OK 2 messages (320 octets)\r\n1 120\r\n2 200\r\n.\r\n", true);

        assertThat(ScanListing.parse(list)).containsExactly(new ScanListing(1, "120"), new ScanListing(2, "200"));
        assertThat(ScanListing.parse(list).get(1).size()).isEqualTo(200);
    }

    @Test
    void listOfOneMessageAnswersOnTheStatusLine() {
        Pop3Reply list2 = response("+OK 2 200\r\n", false);

        assertThat(ScanListing.parse(list2)).containsExactly(new ScanListing(2, "200"));
    }

    @Test
    void uidlGivesTheUniqueIdOfEachMessage() {
        // RFC 1939 §7, the UIDL example.
        Pop3Reply uidl = response("+OK\r\n1 whqtswO00WBw418f9t5JxYwZ\r\n2 QhdPYR:00WBw1Ph7x7\r\n.\r\n", true);

        assertThat(ScanListing.parse(uidl)).extracting(ScanListing::value)
                .containsExactly("whqtswO00WBw418f9t5JxYwZ", "QhdPYR:00WBw1Ph7x7");
    }

    @Test
    void linesThatAreNotListingsAreSkippedAndAnErrorHasNone() {
        Pop3Reply odd = response("+OK\r\n1 120\r\nthree 300\r\n4\r\n-5 500\r\n6 600 extra\r\n.\r\n", true);

        assertThat(ScanListing.parse(odd)).containsExactly(new ScanListing(1, "120"), new ScanListing(6, "600"));
        assertThat(ScanListing.parse(response("-ERR no such message, only 2 messages in maildrop\r\n", false)))
                .isEmpty();
    }

    private static Pop3Reply response(String wire, boolean multiLine) {
        return Pop3ReplyParserTest.responses(new ByteArrayInputStream(octets(wire)), WireLimits.RFC, multiLine).get(0);
    }
}
