package dev.mailbench.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS as RFC 3207 §4 has it: a plain dialogue, "220 Ready to start TLS", then the same talk under TLS. */
class StartTlsUpgradeTest {

    private static final char[] PASSWORD = "practice".toCharArray();
    private static final Duration HANDSHAKE = Duration.ofSeconds(20);

    @TempDir
    Path dataDirectory;

    private ServerTls serverTls;

    @BeforeEach
    void practiceServerCertificate() throws Exception {
        KeyStore keyStore = SelfSignedCertificate.loadOrCreate(
                dataDirectory.resolve("server.p12"), "mail.example.test", PASSWORD);
        serverTls = ServerTls.fromKeyStore(keyStore, PASSWORD);
    }

    /** The practice server's side: greet, accept STARTTLS, upgrade, answer EHLO under TLS. */
    private OneConnectionServer startTlsServer() throws Exception {
        return OneConnectionServer.start(accepted -> {
            Wire.send(accepted, "220 mail.example.test ESMTP practice");
            String command = Wire.readLine(accepted);
            if (!command.equals("STARTTLS")) {
                Wire.send(accepted, "503 5.5.1 STARTTLS expected");
                return "got " + command;
            }
            Wire.send(accepted, "220 2.0.0 Ready to start TLS");
            SSLSocket tls = serverTls.upgrade(accepted, new byte[0], HANDSHAKE);
            String ehlo = Wire.readLine(tls);
            Wire.send(tls, "250 mail.example.test greets " + ehlo.substring(5));
            return ServerTls.describe(tls.getSession());
        });
    }

    /** The client's side up to the point where TLS may start. */
    private static Socket plainDialogueUpToStartTls(int port) throws Exception {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 20_000);
        assertThat(Wire.readLine(plain)).startsWith("220 ");
        Wire.send(plain, "STARTTLS");
        assertThat(Wire.readLine(plain)).isEqualTo("220 2.0.0 Ready to start TLS");
        return plain;
    }

    @Test
    void upgradesAPlainConnectionAndReportsTheSelfSignedCertificate() throws Exception {
        try (OneConnectionServer server = startTlsServer()) {
            Socket plain = plainDialogueUpToStartTls(server.port());

            try (TlsConnection tls = new ClientTls().upgrade(plain, "localhost", server.port(), HANDSHAKE)) {
                Wire.send(tls.socket(), "EHLO client.example.test");
                assertThat(Wire.readLine(tls.socket())).isEqualTo("250 mail.example.test greets client.example.test");

                TlsReport report = tls.report();
                assertThat(report.protocol()).isEqualTo("TLSv1.3");
                assertThat(report.cipherSuite()).startsWith("TLS_");
                assertThat(report.chainTrusted()).isFalse();
                assertThat(report.trustProblem()).isEqualTo("self-signed");
                assertThat(report.hostNameMatches()).isTrue();
                assertThat(report.chain()).singleElement().satisfies(certificate -> {
                    assertThat(certificate.subject()).isEqualTo("CN=mail.example.test");
                    assertThat(certificate.sha256Fingerprint())
                            .isEqualTo(CertificateSummary.sha256Fingerprint(serverTls.certificate()));
                    assertThat(certificate.subjectAltNames()).contains("DNS:mail.example.test", "IP:127.0.0.1");
                    assertThat(certificate.pem()).startsWith("-----BEGIN CERTIFICATE-----\n")
                            .endsWith("\n-----END CERTIFICATE-----\n");
                });
                assertThat(report.describe())
                        .startsWith("TLS established, certificate not trusted: TLSv1.3, cipher TLS_")
                        .contains(", certificate CN=mail.example.test, issuer CN=mail.example.test, valid from ")
                        .endsWith(", chain trusted: no (self-signed), host name matches: yes");
            }
            assertThat(server.<String>result())
                    .startsWith("TLS established: TLSv1.3, cipher TLS_")
                    .endsWith("client asked for localhost");
        }
    }

    @Test
    void theLoopbackAddressMatchesToo() throws Exception {
        try (OneConnectionServer server = startTlsServer()) {
            Socket plain = plainDialogueUpToStartTls(server.port());

            try (TlsConnection tls = new ClientTls().upgrade(plain, "127.0.0.1", server.port(), HANDSHAKE)) {
                Wire.send(tls.socket(), "EHLO client.example.test");
                Wire.readLine(tls.socket());
                assertThat(tls.report().hostNameMatches()).isTrue();
            }
            assertThat(server.<String>result()).as("no SNI for an address, RFC 6066 §3")
                    .endsWith("client sent no server name (SNI)");
        }
    }

    @Test
    void theCertificateIsTrustedOnceTheUserTrustsIt() throws Exception {
        ClientTls trustingPracticeServer = ClientTls.trustingDefaultsAnd(List.of(serverTls.certificate()));
        try (OneConnectionServer server = startTlsServer()) {
            Socket plain = plainDialogueUpToStartTls(server.port());

            try (TlsConnection tls = trustingPracticeServer.upgrade(plain, "mail.example.test", server.port(), HANDSHAKE)) {
                Wire.send(tls.socket(), "EHLO client.example.test");
                Wire.readLine(tls.socket());
                assertThat(tls.report().chainTrusted()).isTrue();
                assertThat(tls.report().trustProblem()).isEmpty();
                assertThat(tls.report().describe()).endsWith("chain trusted: yes, host name matches: yes");
            }
            assertThat(server.<String>result()).endsWith("client asked for mail.example.test");
        }
    }

    @Test
    void aHostNameTheCertificateDoesNotNameIsReportedNotRefused() throws Exception {
        ClientTls trustingPracticeServer = ClientTls.trustingDefaultsAnd(List.of(serverTls.certificate()));
        try (OneConnectionServer server = startTlsServer()) {
            Socket plain = plainDialogueUpToStartTls(server.port());

            try (TlsConnection tls = trustingPracticeServer.upgrade(plain, "smtp.other.test", server.port(), HANDSHAKE)) {
                Wire.send(tls.socket(), "EHLO client.example.test");
                assertThat(Wire.readLine(tls.socket())).startsWith("250 ");
                assertThat(tls.report().hostNameMatches()).isFalse();
                assertThat(tls.report().chainTrusted()).isTrue();
                assertThat(tls.report().describe()).endsWith("chain trusted: yes, host name matches: no");
            }
            server.result();
        }
    }

    @Test
    void aTrustStoreOfItsOwnReplacesTheJdkDefaults() throws Exception {
        ClientTls trustingOnlyItsOwn = ClientTls.trustingOnly(TestCertificates.trustStoreWith(serverTls.certificate()));
        try (OneConnectionServer server = startTlsServer()) {
            Socket plain = plainDialogueUpToStartTls(server.port());

            try (TlsConnection tls = trustingOnlyItsOwn.upgrade(plain, "localhost", server.port(), HANDSHAKE)) {
                Wire.send(tls.socket(), "EHLO client.example.test");
                Wire.readLine(tls.socket());
                assertThat(tls.report().chainTrusted()).isTrue();
            }
            server.result();
        }
    }

    @Test
    void theServerRefusesPlainTextSentAfterStartTlsBeforeTheHandshake() throws Exception {
        String injected = "MAIL FROM:<attacker@example.test>\r\n";
        try (OneConnectionServer server = OneConnectionServer.start(accepted -> {
            Wire.send(accepted, "220 mail.example.test ESMTP practice");
            Wire.readLine(accepted); // STARTTLS
            // What a buffering reader would already hold beyond the STARTTLS line:
            byte[] buffered = accepted.getInputStream().readNBytes(injected.length());
            try {
                serverTls.upgrade(accepted, buffered, HANDSHAKE);
                return "upgraded";
            } catch (TlsHandshakeException refused) {
                Wire.send(accepted, "554 5.5.0 " + (accepted.isClosed() ? "closed" : "still open"));
                return refused;
            }
        })) {
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress("127.0.0.1", server.port()), 20_000);
            Wire.readLine(plain);
            // STARTTLS pipelined with a further command in one segment: RFC 2920 §3.1 forbids this.
            plain.getOutputStream().write(("STARTTLS\r\n" + injected).getBytes(StandardCharsets.US_ASCII));

            TlsHandshakeException refused = server.result();
            assertThat(refused.kind()).isEqualTo(TlsHandshakeException.Kind.PLAINTEXT_BEFORE_HANDSHAKE);
            assertThat(refused).hasMessageContaining(injected.length() + " byte(s) of plain text")
                    .hasMessageContaining("\"MAIL FROM:<attacker@example.test>\\r\\n\"");
            assertThat(Wire.readLine(plain)).as("the caller still owns the plain connection")
                    .isEqualTo("554 5.5.0 still open");
            plain.close();
        }
    }
}
