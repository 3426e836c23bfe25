package dev.mailbench.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.mailbench.tls.TlsHandshakeException.Kind;

/** How a client handshake that the peer ends is reported: each way of failing gets its own kind. */
class HandshakeFailureTest {

    private static final Duration GENEROUS = Duration.ofSeconds(20);

    /** RFC 8446 §5.1 record header (alert, legacy version 3.3, length 2) and §6 alert: fatal, description. */
    private static byte[] fatalAlert(int description) {
        return new byte[] {21, 3, 3, 0, 2, 2, (byte) description};
    }

    /** A peer that reads the ClientHello's record header and answers with {@code answer}. */
    private static OneConnectionServer peerAnswering(byte[] answer) throws Exception {
        return OneConnectionServer.start(accepted -> {
            accepted.getInputStream().readNBytes(5);
            accepted.getOutputStream().write(answer);
            accepted.getOutputStream().flush();
            return accepted.getInputStream().readAllBytes().length;
        });
    }

    @Test
    void aProtocolVersionAlertMeansNoCommonTlsVersion() throws Exception {
        try (OneConnectionServer peer = peerAnswering(fatalAlert(70))) { // protocol_version
            assertThatThrownBy(() -> new ClientTls().connectImplicit("127.0.0.1", peer.port(), GENEROUS, GENEROUS))
                    .isInstanceOfSatisfying(TlsHandshakeException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.NO_COMMON_PROTOCOL))
                    .hasMessageStartingWith("No TLS version in common with 127.0.0.1:" + peer.port())
                    .hasMessageContaining("protocol_version");
            peer.result();
        }
    }

    @Test
    void anyOtherFatalAlertIsARefusalNamingTheAlert() throws Exception {
        try (OneConnectionServer peer = peerAnswering(fatalAlert(40))) { // handshake_failure
            assertThatThrownBy(() -> new ClientTls().connectImplicit("127.0.0.1", peer.port(), GENEROUS, GENEROUS))
                    .isInstanceOfSatisfying(TlsHandshakeException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.REFUSED_BY_PEER))
                    .hasMessageStartingWith("127.0.0.1:" + peer.port() + " refused the TLS handshake")
                    .hasMessageContaining("handshake_failure");
            peer.result();
        }
    }

    @Test
    void aPeerThatHangsUpMidHandshakeIsReportedAsSuch() throws Exception {
        try (OneConnectionServer peer = OneConnectionServer.start(accepted -> {
            accepted.getInputStream().readNBytes(5);
            return "hung up"; // closing the connection with the ClientHello half read
        })) {
            assertThatThrownBy(() -> new ClientTls().connectImplicit("127.0.0.1", peer.port(), GENEROUS, GENEROUS))
                    .isInstanceOfSatisfying(TlsHandshakeException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.CLOSED_BY_PEER))
                    .hasMessageStartingWith("127.0.0.1:" + peer.port() + " closed the connection during the TLS handshake");
            peer.result();
        }
    }
}
