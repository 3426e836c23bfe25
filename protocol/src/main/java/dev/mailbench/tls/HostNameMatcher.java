package dev.mailbench.tls;

import java.net.IDN;
import java.net.InetAddress;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does a certificate name the host the user connected to? The rules of RFC 6125 §6 for DNS names, and
 * RFC 5280 §4.2.1.6 iPAddress entries for address literals.
 */
public final class HostNameMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(HostNameMatcher.class);

    private static final int SAN_DNS_NAME = 2;
    private static final int SAN_IP_ADDRESS = 7;

    private HostNameMatcher() {
    }

    /** True if {@code certificate} is issued for {@code host} (a DNS name or an IP address literal). */
    public static boolean matches(String host, X509Certificate certificate) {
        if (host == null || host.isBlank()) {
            return false;
        }
        Optional<InetAddress> address = IpLiteral.parse(host);
        if (address.isPresent()) {
            // An address is only ever matched against iPAddress entries, never a DNS name or the CN.
            return subjectAltNames(certificate, SAN_IP_ADDRESS).stream()
                    .map(IpLiteral::parse)
                    .anyMatch(address::equals);
        }
        List<String> dnsNames = subjectAltNames(certificate, SAN_DNS_NAME);
        // RFC 6125 §6.4.4: the CN is looked at only when the certificate has no dNSName at all.
        List<String> presented = dnsNames.isEmpty() ? commonNames(certificate) : dnsNames;
        return presented.stream().anyMatch(name -> matchesDnsName(host, name));
    }

    /**
     * True if the reference name {@code host} matches the presented identifier {@code presented}, which may
     * carry a wildcard as its complete left-most label.
     */
    static boolean matchesDnsName(String host, String presented) {
        String reference = normalize(host);
        String identifier = normalize(presented);
        if (reference.isEmpty() || identifier.isEmpty() || reference.indexOf('*') >= 0) {
            return false;
        }
        if (!identifier.startsWith("*.")) {
            return identifier.indexOf('*') < 0 && reference.equals(identifier);
        }
        // RFC 6125 §6.4.3: the wildcard stands for exactly one whole label, and only the left-most one.
        String suffix = identifier.substring(1); // ".example.test"
        if (suffix.indexOf('*') >= 0 || suffix.indexOf('.', 1) < 0) {
            return false; // a second wildcard, or "*.test" claiming a whole top-level domain (RFC 6125 §7.2)
        }
        if (!reference.endsWith(suffix)) {
            return false;
        }
        String firstLabel = reference.substring(0, reference.length() - suffix.length());
        return !firstLabel.isEmpty() && firstLabel.indexOf('.') < 0;
    }

    /** RFC 6125 §6.4.1/§6.4.2: compare case-insensitively, in A-label form, without the root's trailing dot. */
    private static String normalize(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            trimmed = IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notAnIdn) {
            // keep the name as it is; it will simply not match a well-formed identifier
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    private static List<String> subjectAltNames(X509Certificate certificate, int type) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries == null) {
                return names;
            }
            for (List<?> entry : entries) {
                if (entry.size() >= 2 && Integer.valueOf(type).equals(entry.get(0)) && entry.get(1) instanceof String s) {
                    names.add(s);
                }
            }
        } catch (CertificateParsingException unreadable) {
            // A certificate whose extension cannot be parsed names nothing (CertificateSummary reports it).
            LOG.debug("Cannot read the subject alternative names of {}", certificate.getSubjectX500Principal(), unreadable);
        }
        return names;
    }

    private static List<String> commonNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
            names.add(IETFUtils.valueToString(rdn.getFirst().getValue()));
        }
        return names;
    }
}
