package dev.mailbench.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded practice server's own certificate: generated on first start, kept in a PKCS#12 file and
 * reused afterwards, so a user who chose to trust it keeps trusting the same certificate.
 *
 * <p>The certificate names the configured host and also {@code localhost}, 127.0.0.1 and ::1, because
 * a practice server is usually reached over loopback under any of those names.
 */
public final class SelfSignedCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);

    /** The alias of the server's key entry inside the keystore. */
    public static final String ALIAS = "mailbench-server";

    /** How long a generated certificate is valid. */
    public static final long VALIDITY_YEARS = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificate() {
    }

    /**
     * Returns the keystore stored in {@code keystoreFile}, creating it with a new key pair and self-signed
     * certificate for {@code hostName} if the file does not exist yet.
     *
     * @throws UnreadableKeystoreException if the file exists but cannot be opened with {@code password}
     *         or holds no server key; the file is left as it is
     * @throws IOException if a new keystore cannot be written
     */
    public static KeyStore loadOrCreate(Path keystoreFile, String hostName, char[] password) throws IOException {
        Objects.requireNonNull(keystoreFile, "keystoreFile");
        Objects.requireNonNull(password, "password");
        requireHostName(hostName);
        if (Files.exists(keystoreFile)) {
            return load(keystoreFile, password);
        }
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.atOffset(ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant();
        KeyStore created = generate(hostName, password, notBefore, notAfter);
        return publish(created, keystoreFile, password);
    }

    /** The server certificate inside a keystore made by {@link #loadOrCreate}. */
    public static X509Certificate certificate(KeyStore keyStore) {
        try {
            Certificate certificate = keyStore.getCertificate(ALIAS);
            if (certificate instanceof X509Certificate x509) {
                return x509;
            }
            throw new IllegalArgumentException("The keystore holds no X.509 certificate under alias " + ALIAS);
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException("The keystore is not loaded", e);
        }
    }

    /**
     * Generates a key pair and a certificate valid from {@code notBefore} to {@code notAfter}, in memory, naming
     * {@code hostName} and the loopback names: dates in the past make an expired certificate to practise on.
     */
    public static KeyStore generate(String hostName, char[] password, Instant notBefore, Instant notAfter) {
        return generate(hostName, true, password, notBefore, notAfter);
    }

    /**
     * Generates, in memory, a certificate that names {@code hostName} only, not the loopback names: a server on
     * this machine that presents it is, to a client, a server with a certificate for another host.
     */
    public static KeyStore generateNamingOnly(String hostName, char[] password, Instant notBefore, Instant notAfter) {
        return generate(hostName, false, password, notBefore, notAfter);
    }

    private static KeyStore generate(String hostName, boolean loopback, char[] password, Instant notBefore,
                                     Instant notAfter) {
        requireHostName(hostName);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keyPair = generator.generateKeyPair();
            X509Certificate certificate = selfSign(hostName, loopback, keyPair, notBefore, notAfter);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry(ALIAS, keyPair.getPrivate(), password, new Certificate[] {certificate});
            return keyStore;
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            // EC P-256, SHA256withECDSA and PKCS12 are required of every Java 17 runtime.
            throw new IllegalStateException("This Java runtime cannot create an EC P-256 certificate", e);
        }
    }

    private static X509Certificate selfSign(String hostName, boolean loopback, KeyPair keyPair, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostName).build();
        // RFC 5280 §4.1.2.2: a positive serial of at most 20 octets; random, so regenerated certificates differ.
        BigInteger serial = new BigInteger(159, RANDOM).add(BigInteger.ONE);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name, serial, Date.from(notBefore), Date.from(notAfter), name, keyPair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        // An end-entity certificate, not a CA: trusting it must not let it vouch for other certificates.
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        // RFC 5280 §4.2.1.3: an EC key signs the handshake (digitalSignature); it never encrypts a key.
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        // RFC 6125 §6.4.4: clients check subjectAltName, the CN is only a fallback for old clients.
        builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(hostName, loopback));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(keyPair.getPublic()));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static GeneralNames subjectAltNames(String hostName, boolean loopback) {
        List<GeneralName> names = new ArrayList<>();
        if (IpLiteral.parse(hostName).isPresent()) {
            names.add(new GeneralName(GeneralName.iPAddress, IpLiteral.parse(hostName).get().getHostAddress()));
        } else {
            String asciiName = IDN.toASCII(hostName, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            names.add(new GeneralName(GeneralName.dNSName, asciiName));
        }
        if (loopback) {
            addIfAbsent(names, new GeneralName(GeneralName.dNSName, "localhost"));
            addIfAbsent(names, new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
            addIfAbsent(names, new GeneralName(GeneralName.iPAddress, "::1"));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static void addIfAbsent(List<GeneralName> names, GeneralName name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    private static KeyStore load(Path file, char[] password) throws UnreadableKeystoreException {
        KeyStore keyStore;
        try (InputStream in = Files.newInputStream(file)) {
            keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new UnreadableKeystoreException(file, reason(e), e);
        }
        try {
            if (!keyStore.isKeyEntry(ALIAS) || !(keyStore.getCertificate(ALIAS) instanceof X509Certificate)) {
                throw new UnreadableKeystoreException(file,
                        "it holds no server key and certificate under the alias '" + ALIAS + "'", null);
            }
            keyStore.getKey(ALIAS, password); // fails now, not at the first handshake, if the key is locked
            return keyStore;
        } catch (GeneralSecurityException e) {
            throw new UnreadableKeystoreException(file, reason(e), e);
        }
    }

    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnrecoverableKeyException) {
                return "the password does not open it";
            }
        }
        String message = failure.getMessage();
        return "it is not a readable PKCS#12 keystore"
                + (message == null || message.isBlank() ? "" : " (" + message + ")");
    }

    /**
     * Writes the keystore next to its final place and then links or moves it there in one step, so a crash
     * leaves either no file (and the next start generates one) or a complete one, never half a keystore.
     * If another process published a keystore first, that one wins and is returned.
     */
    private static KeyStore publish(KeyStore keyStore, Path file, char[] password) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        byte[] content = encode(keyStore, password);
        // createTempFile gives the file owner-only permissions on POSIX systems: it holds a private key.
        Path temporary = Files.createTempFile(directory, target.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (!linkWithoutReplacing(temporary, target)) {
                return load(target, password);
            }
            syncDirectory(directory);
            return keyStore;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Returns false if the target appeared meanwhile (and leaves it alone). */
    private static boolean linkWithoutReplacing(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            // File systems without hard links: an atomic rename is the next best thing.
            LOG.debug("Cannot hard-link {}; renaming instead", target, noHardLinks);
            if (Files.exists(target)) {
                return false;
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            return true;
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Not every platform can sync a directory (Windows cannot); the file itself is already synced.
            LOG.debug("Cannot sync the directory {}", directory, e);
        }
    }

    private static byte[] encode(KeyStore keyStore, char[] password) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            keyStore.store(bytes, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime cannot write a PKCS#12 keystore", e);
        }
        return bytes.toByteArray();
    }

    private static void requireHostName(String hostName) {
        if (hostName == null || hostName.isBlank()) {
            throw new IllegalArgumentException("A host name is needed for the certificate");
        }
    }
}
