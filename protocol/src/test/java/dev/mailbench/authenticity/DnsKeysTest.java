package dev.mailbench.authenticity;

import static dev.mailbench.authenticity.Resources.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/** Key look-ups against a DNS server this test runs on the loopback interface: no test uses the network. */
class DnsKeysTest {

    private DatagramSocket socket;
    private Thread server;
    private final List<String> questions = new ArrayList<>();

    /** The RFC 8463 records, the RSA one split into character-strings as a zone would hold it. */
    private static final Map<String, List<String>> ZONE = Map.of(
            "brisbane._domainkey.football.example.com.",
            List.of("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="),
            "test._domainkey.football.example.com.",
            List.of("v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDkHlOQoBTzWR",
                    "iGs5V6NpP3idY6Wk08a5qhdR6wy5bdOKb2jLQiY/J16JYi0Qvx/byYzCNb3W91y3FutAC",
                    "DfzwQ/BC/e/8uBsCR+yz1Lxj+PL6lHvqMKrM3rG4hstT5QjvHO9PzoxZyVYLzBfO2EeC3",
                    "Ip3G+2kryOTIKT+l/K4w3QIDAQAB"));

    @BeforeEach
    void startServer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server = new Thread(this::serve, "test-dns");
        server.setDaemon(true);
        server.start();
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        socket.close();
        server.join();
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                String name = question.getName().toString();
                synchronized (questions) {
                    questions.add(name);
                }
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.addRecord(question, Section.QUESTION);
                List<String> strings = ZONE.get(name);
                if (strings == null) {
                    answer.getHeader().setRcode(Rcode.NXDOMAIN);
                } else {
                    answer.addRecord(new TXTRecord(question.getName(), DClass.IN, 60, strings), Section.ANSWER);
                }
                byte[] wire = answer.toWire();
                socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                return; // the socket was closed
            }
        }
    }

    private DnsKeys dns() {
        return DnsKeys.server((InetSocketAddress) socket.getLocalSocketAddress(), Duration.ofSeconds(5));
    }

    @Test
    void keysLookedUpInTheDnsVerifyTheRfc8463Example() {
        DnsKeys dns = dns();

        AuthenticationReport report = check("rfc8463-appendix-a.eml", dns);

        assertThat(report.dkim()).extracting(DkimResult::verdict).containsExactly(Verdict.PASS, Verdict.PASS);
        assertThat(report.dnsUsed()).isTrue();
        assertThat(report.dkim().get(1).key().origin()).isEqualTo("DNS (test._domainkey.football.example.com)");
        assertThat(questions).containsExactly("brisbane._domainkey.football.example.com.",
                "test._domainkey.football.example.com.");
    }

    @Test
    void aNameTheDnsDoesNotKnowHasNoKey() {
        DkimResult result = check("rsa-sha256-relaxed.eml", dns()).dkim().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.NO_KEY);
        assertThat(result.reason()).isEqualTo("the DNS has no key record at rsa2048._domainkey.example.test");
    }

    @Test
    void givenKeysAreAskedBeforeTheDns() {
        KeySource keys = Resources.keys("keys.zone").orElse(dns());

        assertThat(check("rsa-sha256-relaxed.eml", keys).dkim().get(0).verdict()).isEqualTo(Verdict.PASS);
        assertThat(questions).isEmpty();
    }
}
