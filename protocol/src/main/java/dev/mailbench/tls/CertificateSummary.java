package dev.mailbench.tls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user needs to judge one certificate of a chain: who it is for, who issued it, when it is valid,
 * its fingerprint (to compare with one read out over the phone) and the names it covers.
 *
 * @param subject the subject distinguished name (RFC 2253 form, e.g. {@code CN=mail.example.test})
 * @param issuer the issuer distinguished name
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param sha256Fingerprint SHA-256 of the DER encoding, upper-case hex bytes separated by colons
 * @param subjectAltNames the subjectAltName entries, each prefixed with its kind ({@code DNS:},
 *        {@code IP:}, {@code email:}, {@code URI:}, {@code DirName:}, {@code other:})
 * @param pem the certificate in PEM form (RFC 7468 §5), to copy into a trust store or a ticket
 */
public record CertificateSummary(String subject, String issuer, Instant notBefore, Instant notAfter,
        String sha256Fingerprint, List<String> subjectAltNames, String pem) {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateSummary.class);

    public CertificateSummary {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        subjectAltNames = List.copyOf(subjectAltNames);
        Objects.requireNonNull(pem, "pem");
    }

    /** Summarises a certificate. */
    public static CertificateSummary of(X509Certificate certificate) {
        return new CertificateSummary(
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                sha256Fingerprint(certificate),
                subjectAltNames(certificate),
                pem(certificate));
    }

    /** RFC 7468 §5: base64 of the DER encoding in lines of 64 characters between the CERTIFICATE labels. */
    static String pem(X509Certificate certificate) {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode a certificate", e);
        }
    }

    static String sha256Fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("Cannot fingerprint a certificate", e);
        }
    }

    private static List<String> subjectAltNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        Collection<List<?>> entries;
        try {
            entries = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            LOG.warn("Cannot read the subject alternative names of {}", certificate.getSubjectX500Principal(), e);
            return List.of("unreadable: " + e.getMessage());
        }
        if (entries == null) {
            return names;
        }
        for (List<?> entry : entries) {
            Object type = entry.get(0);
            Object value = entry.get(1);
            // RFC 5280 §4.2.1.6 GeneralName choices.
            String prefix = switch (type instanceof Integer i ? i : -1) {
                case 1 -> "email:";
                case 2 -> "DNS:";
                case 4 -> "DirName:";
                case 6 -> "URI:";
                case 7 -> "IP:";
                default -> "other:";
            };
            String text = value instanceof String s ? s : value instanceof byte[] b ? HexFormat.of().formatHex(b) : "?";
            names.add(prefix + text);
        }
        return names;
    }
}
