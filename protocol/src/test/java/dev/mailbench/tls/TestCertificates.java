package dev.mailbench.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for tests: a small CA, server certificates it issues, self-signed ones, any validity. */
final class TestCertificates {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant A_YEAR_AGO = NOW.minus(365, ChronoUnit.DAYS);
    static final Instant IN_A_YEAR = NOW.plus(365, ChronoUnit.DAYS);

    private static final AtomicLong SERIALS = new AtomicLong(1000);

    /** A key pair with the certificate for it. */
    record Issued(KeyPair keyPair, X509Certificate certificate) {
    }

    private TestCertificates() {
    }

    static Issued certificateAuthority(String commonName) {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        return new Issued(keys, build(name, keys, name, keys, A_YEAR_AGO, IN_A_YEAR, true, List.of()));
    }

    static Issued serverIssuedBy(Issued authority, String commonName, Instant notBefore, Instant notAfter,
            List<GeneralName> subjectAltNames) {
        KeyPair keys = newKeyPair();
        X500Name issuer = X500Name.getInstance(
                authority.certificate().getSubjectX500Principal().getEncoded());
        return new Issued(keys, build(new X500Name("CN=" + commonName), keys, issuer, authority.keyPair(),
                notBefore, notAfter, false, subjectAltNames));
    }

    static Issued selfSignedServer(String commonName, Instant notBefore, Instant notAfter,
            List<GeneralName> subjectAltNames) {
        KeyPair keys = newKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        return new Issued(keys, build(name, keys, name, keys, notBefore, notAfter, false, subjectAltNames));
    }

    static GeneralName dns(String name) {
        return new GeneralName(GeneralName.dNSName, name);
    }

    static GeneralName ip(String address) {
        return new GeneralName(GeneralName.iPAddress, address);
    }

    static KeyStore trustStoreWith(X509Certificate... trusted) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            store.setCertificateEntry("trusted-" + i, trusted[i]);
        }
        return store;
    }

    private static X509Certificate build(X500Name subject, KeyPair subjectKeys, X500Name issuer,
            KeyPair issuerKeys, Instant notBefore, Instant notAfter, boolean authority,
            List<GeneralName> subjectAltNames) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    subject, subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            if (authority) {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            if (!subjectAltNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(subjectAltNames.toArray(GeneralName[]::new)));
            }
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
