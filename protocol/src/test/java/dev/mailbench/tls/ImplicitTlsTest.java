package dev.mailbench.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailbench.tls.TlsHandshakeException.Kind;

/** Implicit TLS (RFC 8314 §3.3, ports 465 and 995), and what happens when one side does not speak TLS. */
class ImplicitTlsTest {

    private static final char[] PASSWORD = "practice".toCharArray();
    private static final Duration GENEROUS = Duration.ofSeconds(20);
    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    Path dataDirectory;

    private ServerTls serverTls;

    @BeforeEach
    void practiceServerCertificate() throws Exception {
        serverTls = ServerTls.fromKeyStore(SelfSignedCertificate.loadOrCreate(
                dataDirectory.resolve("server.p12"), "mail.example.test", PASSWORD), PASSWORD);
    }

    @Test
    void connectsWithTlsFromTheFirstByte() throws Exception {
        try (OneConnectionServer server = OneConnectionServer.start(accepted -> {
            SSLSocket tls = serverTls.acceptImplicit(accepted, GENEROUS);
            Wire.send(tls, "+OK POP3 practice server ready");
            return Wire.readLine(tls);
        })) {
            try (TlsConnection tls = new ClientTls().connectImplicit("localhost", server.port(), GENEROUS, GENEROUS)) {
                assertThat(Wire.readLine(tls.socket())).isEqualTo("+OK POP3 practice server ready");
                Wire.send(tls.socket(), "CAPA");

                assertThat(tls.report().chainTrusted()).isFalse();
                assertThat(tls.report().trustProblem()).isEqualTo("self-signed");
                assertThat(tls.report().hostNameMatches()).isTrue();
            }
            assertThat(server.<String>result()).isEqualTo("CAPA");
        }
    }

    @Test
    void aPlainTextServerIsRecognisedAsSuch() throws Exception {
        try (OneConnectionServer server = OneConnectionServer.start(accepted -> {
            Wire.send(accepted, "220 mail.example.test ESMTP plain only");
            return accepted.getInputStream().readAllBytes().length; // until the client gives up
        })) {
            assertThatThrownBy(() -> new ClientTls().connectImplicit("127.0.0.1", server.port(), GENEROUS, GENEROUS))
                    .isInstanceOfSatisfying(TlsHandshakeException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_TLS))
                    .hasMessage("127.0.0.1:" + server.port()
                            + " did not answer in TLS; it seems to speak plain text on this port");
            server.result();
        }
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheHandshakeTimeout() throws Exception {
        try (OneConnectionServer server = OneConnectionServer.start(accepted ->
                accepted.getInputStream().readAllBytes().length)) {
            assertThatThrownBy(() -> new ClientTls().connectImplicit("127.0.0.1", server.port(), GENEROUS, SHORT))
                    .isInstanceOfSatisfying(TlsHandshakeException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
                    .hasMessage("No TLS handshake with 127.0.0.1:" + server.port()
                            + " within 300 ms: the peer sent no TLS answer in time");
            assertThat(server.<Integer>result()).as("the client closed the connection").isPositive();
        }
    }

    @Test
    void anUpgradeOverAConnectionTheServerKeepsPlainFails() throws Exception {
        try (OneConnectionServer server = OneConnectionServer.start(accepted -> {
            Wire.send(accepted, "+OK POP3 ready");
            Wire.readLine(accepted); // STLS
            Wire.send(accepted, "-ERR STLS not supported, but here is some more text");
            return accepted.getInputStream().readAllBytes().length;
        })) {
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress("127.0.0.1", server.port()), 20_000);
            Wire.readLine(plain);
            Wire.send(plain, "STLS");
            // Upgrading without reading the reply first: the client meets the plain-text -ERR line.
            assertThatThrownBy(() -> new ClientTls().upgrade(plain, "localhost", server.port(), GENEROUS))
                    .isInstanceOfSatisfying(TlsHandshakeException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_TLS));
            assertThat(plain.isClosed()).as("a failed handshake leaves nothing usable").isTrue();
            server.result();
        }
    }

    @Test
    void theServerRecognisesAClientTalkingPlainTextToAnImplicitPort() throws Exception {
        try (OneConnectionServer server = OneConnectionServer.start(accepted -> {
            try {
                serverTls.acceptImplicit(accepted, GENEROUS);
                return null;
            } catch (TlsHandshakeException e) {
                return e;
            }
        })) {
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress("127.0.0.1", server.port()), 20_000);
                Wire.send(plain, "EHLO client.example.test");

                TlsHandshakeException failure = server.result();
                assertThat(failure.kind()).isEqualTo(Kind.NOT_TLS);
                assertThat(failure).hasMessageStartingWith("client 127.0.0.1:" + plain.getLocalPort());
            }
        }
    }

    @Test
    void theServerGivesUpOnAClientThatNeverStartsTheHandshake() throws Exception {
        try (OneConnectionServer server = OneConnectionServer.start(accepted -> {
            try {
                serverTls.acceptImplicit(accepted, SHORT);
                return null;
            } catch (TlsHandshakeException e) {
                return e;
            }
        })) {
            try (Socket silent = new Socket()) {
                silent.connect(new InetSocketAddress("127.0.0.1", server.port()), 20_000);

                TlsHandshakeException failure = server.result();
                assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
                silent.setSoTimeout(20_000);
                assertThat(silent.getInputStream().readAllBytes())
                        .as("at most a TLS alert record, then the server closed the connection")
                        .hasSizeLessThan(16);
            }
        }
    }

    @Test
    void aClosedPortIsAConnectionFailureNotAHandshakeFailure() throws Exception {
        int closedPort;
        try (var probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        assertThatThrownBy(() -> new ClientTls().connectImplicit("127.0.0.1", closedPort, GENEROUS, GENEROUS))
                .isInstanceOf(ConnectException.class);
    }
}
