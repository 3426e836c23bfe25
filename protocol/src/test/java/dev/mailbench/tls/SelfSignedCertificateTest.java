package dev.mailbench.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

    private static final char[] PASSWORD = "practice".toCharArray();

    @TempDir
    Path dataDirectory;

    @Test
    void firstStartGeneratesAServerCertificateForTheHostAndLoopbackNames() throws Exception {
        Path file = dataDirectory.resolve("tls/server.p12");

        KeyStore keyStore = SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD);

        assertThat(file).isRegularFile();
        X509Certificate certificate = SelfSignedCertificate.certificate(keyStore);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=mail.example.test");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey()); // really self-signed
        assertThat(CertificateSummary.of(certificate).subjectAltNames()).containsExactly(
                "DNS:mail.example.test", "DNS:localhost", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1");
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(certificate.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
        Duration validity = Duration.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant());
        assertThat(validity.toDays()).isBetween(3652L, 3653L); // ten calendar years, with leap days
        assertThat(keyStore.getKey(SelfSignedCertificate.ALIAS, PASSWORD)).isNotNull();
    }

    @Test
    void laterStartsReuseTheSameCertificateAndKey() throws Exception {
        Path file = dataDirectory.resolve("server.p12");
        KeyStore first = SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD);
        byte[] written = Files.readAllBytes(file);

        KeyStore second = SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD);

        assertThat(SelfSignedCertificate.certificate(second)).isEqualTo(SelfSignedCertificate.certificate(first));
        assertThat(second.getKey(SelfSignedCertificate.ALIAS, PASSWORD))
                .isEqualTo(first.getKey(SelfSignedCertificate.ALIAS, PASSWORD));
        assertThat(Files.readAllBytes(file)).as("the file is not rewritten").isEqualTo(written);
    }

    @Test
    void separateKeystoresGetDifferentCertificates() throws Exception {
        KeyStore one = SelfSignedCertificate.loadOrCreate(dataDirectory.resolve("a.p12"), "mail.example.test", PASSWORD);
        KeyStore two = SelfSignedCertificate.loadOrCreate(dataDirectory.resolve("b.p12"), "mail.example.test", PASSWORD);

        assertThat(SelfSignedCertificate.certificate(one)).isNotEqualTo(SelfSignedCertificate.certificate(two));
        assertThat(SelfSignedCertificate.certificate(one).getSerialNumber())
                .isNotEqualTo(SelfSignedCertificate.certificate(two).getSerialNumber());
    }

    @Test
    void leavesNoTemporaryFileBehindAndKeepsTheKeyPrivate() throws Exception {
        Path file = dataDirectory.resolve("server.p12");
        SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD);

        try (var entries = Files.list(dataDirectory)) {
            assertThat(entries).containsExactly(file);
        }
        assumeThat(Files.getFileStore(file).supportsFileAttributeView("posix")).isTrue();
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void anAddressAsHostNameBecomesAnIpAddressEntry() throws Exception {
        KeyStore keyStore = SelfSignedCertificate.loadOrCreate(dataDirectory.resolve("server.p12"), "192.0.2.25", PASSWORD);

        X509Certificate certificate = SelfSignedCertificate.certificate(keyStore);
        assertThat(CertificateSummary.of(certificate).subjectAltNames()).containsExactly(
                "IP:192.0.2.25", "DNS:localhost", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1");
        assertThat(HostNameMatcher.matches("192.0.2.25", certificate)).isTrue();
    }

    @Test
    void aCorruptFileIsReportedByNameAndLeftAlone() throws Exception {
        Path file = dataDirectory.resolve("server.p12");
        byte[] garbage = "this is not a keystore\n".getBytes();
        Files.write(file, garbage);

        assertThatThrownBy(() -> SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD))
                .isInstanceOf(UnreadableKeystoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("not a readable PKCS#12 keystore")
                .satisfies(e -> assertThat(((UnreadableKeystoreException) e).file()).isEqualTo(file));
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void anEmptyFileIsReportedAsUnreadable() throws Exception {
        Path file = Files.createFile(dataDirectory.resolve("server.p12"));

        assertThatThrownBy(() -> SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD))
                .isInstanceOf(UnreadableKeystoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void aTruncatedKeystoreIsReportedAsUnreadable() throws Exception {
        Path file = dataDirectory.resolve("server.p12");
        SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD))
                .isInstanceOf(UnreadableKeystoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void aWrongPasswordIsReportedAsSuch() throws Exception {
        Path file = dataDirectory.resolve("server.p12");
        SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD);

        assertThatThrownBy(() -> SelfSignedCertificate.loadOrCreate(file, "mail.example.test", "wrong".toCharArray()))
                .isInstanceOf(UnreadableKeystoreException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("password does not open it");
    }

    @Test
    void aKeystoreWithoutTheServerKeyIsRefused() throws Exception {
        Path file = dataDirectory.resolve("server.p12");
        KeyStore other = TestCertificates.trustStoreWith(
                TestCertificates.certificateAuthority("Someone Else").certificate());
        try (var out = Files.newOutputStream(file)) {
            other.store(out, PASSWORD);
        }

        assertThatThrownBy(() -> SelfSignedCertificate.loadOrCreate(file, "mail.example.test", PASSWORD))
                .isInstanceOf(UnreadableKeystoreException.class)
                .hasMessageContaining("no server key");
    }

    @Test
    void aBlankHostNameIsRefused() {
        assertThatThrownBy(() -> SelfSignedCertificate.loadOrCreate(dataDirectory.resolve("s.p12"), " ", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
