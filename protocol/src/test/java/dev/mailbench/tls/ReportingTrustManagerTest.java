package dev.mailbench.tls;

import static dev.mailbench.tls.TestCertificates.A_YEAR_AGO;
import static dev.mailbench.tls.TestCertificates.IN_A_YEAR;
import static dev.mailbench.tls.TestCertificates.NOW;
import static dev.mailbench.tls.TestCertificates.dns;
import static dev.mailbench.tls.TestCertificates.trustStoreWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mailbench.tls.TestCertificates.Issued;

class ReportingTrustManagerTest {

    private static final String AUTH_TYPE = "ECDHE_ECDSA";

    private final Issued authority = TestCertificates.certificateAuthority("Practice CA");
    private final Issued server = TestCertificates.serverIssuedBy(authority, "mail.example.test",
            A_YEAR_AGO, IN_A_YEAR, List.of(dns("mail.example.test")));
    private final Issued selfSigned = TestCertificates.selfSignedServer("mail.example.test",
            A_YEAR_AGO, IN_A_YEAR, List.of(dns("mail.example.test")));

    @Test
    void aSelfSignedCertificateIsReportedNotRefused() {
        ReportingTrustManager trust = ReportingTrustManager.withDefaultTrustStoreAnd(List.of());

        trust.checkServerTrusted(chain(selfSigned), AUTH_TYPE, (Socket) null);

        assertThat(trust.verdict()).contains(new TrustVerdict(false, "self-signed"));
    }

    @Test
    void aSelfSignedCertificateTheUserTrustsIsTrusted() {
        ReportingTrustManager trust = ReportingTrustManager.withDefaultTrustStoreAnd(List.of(selfSigned.certificate()));

        trust.checkServerTrusted(chain(selfSigned), AUTH_TYPE);

        assertThat(trust.verdict()).contains(new TrustVerdict(true, ""));
    }

    @Test
    void aCertificateFromAnUnknownAuthorityNamesTheIssuer() throws Exception {
        ReportingTrustManager trust = new ReportingTrustManager(trustStoreWith());

        assertThat(trust.evaluateServerChain(chain(server), AUTH_TYPE))
                .isEqualTo(new TrustVerdict(false, "unknown issuer CN=Practice CA"));
        assertThat(trust.evaluateServerChain(chain(server, authority), AUTH_TYPE))
                .isEqualTo(new TrustVerdict(false, "untrusted root CN=Practice CA (self-signed)"));
    }

    @Test
    void aCertificateFromATrustedAuthorityIsTrustedWithOrWithoutTheRootInTheChain() throws Exception {
        ReportingTrustManager trust = new ReportingTrustManager(trustStoreWith(authority.certificate()));

        assertThat(trust.evaluateServerChain(chain(server), AUTH_TYPE).trusted()).isTrue();
        assertThat(trust.evaluateServerChain(chain(server, authority), AUTH_TYPE).trusted()).isTrue();
    }

    @Test
    void anExpiredCertificateFromATrustedAuthoritySaysWhenItExpired() throws Exception {
        Instant expired = NOW.minus(10, ChronoUnit.DAYS);
        Issued old = TestCertificates.serverIssuedBy(authority, "mail.example.test", A_YEAR_AGO, expired, List.of());
        ReportingTrustManager trust = new ReportingTrustManager(trustStoreWith(authority.certificate()));

        assertThat(trust.evaluateServerChain(chain(old), AUTH_TYPE))
                .isEqualTo(new TrustVerdict(false, "expired on " + day(expired)));
    }

    @Test
    void everyProblemIsListedMostTellingFirst() {
        Instant expired = NOW.minus(3, ChronoUnit.DAYS);
        Issued oldSelfSigned = TestCertificates.selfSignedServer("mail.example.test", A_YEAR_AGO, expired, List.of());
        ReportingTrustManager trust = ReportingTrustManager.withDefaultTrustStoreAnd(List.of());

        assertThat(trust.evaluateServerChain(chain(oldSelfSigned), AUTH_TYPE).problem())
                .isEqualTo("self-signed, expired on " + day(expired));
    }

    @Test
    void aCertificateNotValidYetSaysFromWhen() throws Exception {
        Instant later = NOW.plus(30, ChronoUnit.DAYS);
        Issued early = TestCertificates.serverIssuedBy(authority, "mail.example.test", later, IN_A_YEAR, List.of());
        ReportingTrustManager trust = new ReportingTrustManager(trustStoreWith(authority.certificate()));

        assertThat(trust.evaluateServerChain(chain(early), AUTH_TYPE))
                .isEqualTo(new TrustVerdict(false, "not valid before " + day(later)));
    }

    @Test
    void aCertificateWithAForgedSignatureIsNotTrustedEvenIfItsIssuerIs() throws Exception {
        Issued impostor = TestCertificates.certificateAuthority("Practice CA"); // same name, other key
        Issued forged = TestCertificates.serverIssuedBy(impostor, "mail.example.test", A_YEAR_AGO, IN_A_YEAR, List.of());
        ReportingTrustManager trust = new ReportingTrustManager(trustStoreWith(authority.certificate()));

        TrustVerdict verdict = trust.evaluateServerChain(chain(forged), AUTH_TYPE);

        assertThat(verdict.trusted()).isFalse();
        assertThat(verdict.problem()).isEqualTo("not signed by the trusted CN=Practice CA whose name it carries");
    }

    @Test
    void noChainAtAllIsReportedToo() {
        ReportingTrustManager trust = ReportingTrustManager.withDefaultTrustStoreAnd(List.of());

        trust.checkServerTrusted(new X509Certificate[0], AUTH_TYPE);

        assertThat(trust.verdict()).contains(new TrustVerdict(false, "no certificate presented"));
    }

    @Test
    void thereIsNoVerdictBeforeAChainWasChecked() {
        assertThat(ReportingTrustManager.withDefaultTrustStoreAnd(List.of()).verdict()).isEmpty();
    }

    @Test
    void theJdkDefaultTrustStoreIsUsedAndExtendedNotReplaced() {
        ReportingTrustManager defaults = new ReportingTrustManager((KeyStore) null);
        ReportingTrustManager extended = ReportingTrustManager.withDefaultTrustStoreAnd(List.of(authority.certificate()));

        assertThat(defaults.getAcceptedIssuers()).isNotEmpty();
        assertThat(extended.getAcceptedIssuers())
                .hasSize(defaults.getAcceptedIssuers().length + 1)
                .contains(authority.certificate())
                .contains(defaults.getAcceptedIssuers());
    }

    private static X509Certificate[] chain(Issued... certificates) {
        return Arrays.stream(certificates).map(Issued::certificate).toArray(X509Certificate[]::new);
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
