package dev.mailbench.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TlsReportTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static final CertificateSummary PRACTICE_SERVER = new CertificateSummary(
            "CN=mail.example.test", "CN=mail.example.test",
            Instant.parse("2026-11-23T10:15:30Z"), Instant.parse("2036-11-23T10:15:30Z"),
            "AB:CD", List.of("DNS:mail.example.test", "DNS:localhost"), "-----BEGIN CERTIFICATE-----\n");

    @Test
    void describesAnUntrustedChainWithItsReason() {
        TlsReport report = new TlsReport("TLSv1.3", "TLS_AES_256_GCM_SHA384", List.of(PRACTICE_SERVER),
                false, "self-signed", true);

        assertThat(report.describe(NOW)).isEqualTo("TLS established, certificate not trusted: TLSv1.3, cipher TLS_AES_256_GCM_SHA384,"
                + " certificate CN=mail.example.test, issuer CN=mail.example.test, valid from 2026-11-23 until 2036-11-23,"
                + " chain trusted: no (self-signed), host name matches: yes");
    }

    @Test
    void describesATrustedChainWithAHostNameMismatch() {
        TlsReport report = new TlsReport("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                List.of(PRACTICE_SERVER), true, "", false);

        assertThat(report.describe(NOW)).startsWith("TLS established, certificate for another host: TLSv1.2")
                .endsWith("valid from 2026-11-23 until 2036-11-23, chain trusted: yes, host name matches: no");
    }

    @Test
    void describesAHandshakeWithoutCertificate() {
        TlsReport report = new TlsReport("TLSv1.2", "TLS_ECDH_anon_WITH_AES_128_CBC_SHA", List.of(),
                false, "no certificate presented", false);

        assertThat(report.describe(NOW)).isEqualTo("TLS established, certificate not trusted: TLSv1.2, cipher TLS_ECDH_anon_WITH_AES_128_CBC_SHA,"
                + " no certificate, chain trusted: no (no certificate presented), host name matches: no");
    }

    @Test
    void anExpiredCertificateIsNamedFirst() {
        TlsReport report = new TlsReport("TLSv1.3", "TLS_AES_256_GCM_SHA384", List.of(PRACTICE_SERVER),
                false, "self-signed, expired on 2036-11-23", false);

        assertThat(report.warning(Instant.parse("2037-01-01T00:00:00Z"))).contains("certificate expired");
        assertThat(report.describe(Instant.parse("2037-01-01T00:00:00Z")))
                .startsWith("TLS established, certificate expired: TLSv1.3");
    }

    @Test
    void aTrustedCertificateForTheHostHasNoWarning() {
        TlsReport report = new TlsReport("TLSv1.3", "TLS_AES_256_GCM_SHA384", List.of(PRACTICE_SERVER), true, "", true);

        assertThat(report.warning(NOW)).isEmpty();
        assertThat(report.describe(NOW)).startsWith("TLS established, certificate trusted: TLSv1.3");
    }
}
