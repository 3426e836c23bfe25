package dev.mailbench.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A trust manager that judges the peer's certificate chain like the JDK's PKIX validation does, but never
 * refuses it: it records the verdict and the reason, so a diagnostic tool can complete the handshake and
 * show the user what is wrong with the certificate instead of a bare handshake failure.
 *
 * <p>One instance serves one connection: the verdict is that of the last chain it checked. Host-name
 * checking is not its business (see {@link HostNameMatcher}).
 */
public final class ReportingTrustManager extends X509ExtendedTrustManager {

    private static final Logger LOG = LoggerFactory.getLogger(ReportingTrustManager.class);

    private final X509TrustManager pkix;
    private volatile TrustVerdict verdict;

    /**
     * Validates against the certificates in {@code trustStore}, or against the JDK's default trust store
     * (the {@code cacerts} of the runtime, or {@code javax.net.ssl.trustStore}) when it is null.
     */
    public ReportingTrustManager(KeyStore trustStore) {
        this(pkixTrustManager(trustStore));
    }

    ReportingTrustManager(X509TrustManager pkix) {
        this.pkix = pkix;
    }

    /** Validates against the JDK's default trust store plus {@code extraTrusted} certificates. */
    public static ReportingTrustManager withDefaultTrustStoreAnd(Collection<X509Certificate> extraTrusted) {
        return new ReportingTrustManager(defaultTrustStoreWith(extraTrusted));
    }

    /** The verdict on the last chain checked, or empty if no chain was checked yet. */
    public Optional<TrustVerdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    /** Judges a server's chain (its own certificate first) without recording anything. */
    public TrustVerdict evaluateServerChain(X509Certificate[] chain, String authType) {
        if (chain == null || chain.length == 0) {
            return TrustVerdict.untrusted("no certificate presented");
        }
        try {
            pkix.checkServerTrusted(chain, authType);
            return TrustVerdict.trustedChain();
        } catch (GeneralSecurityException | RuntimeException rejected) {
            // the verdict tells the user why; the log keeps the validator's own account
            LOG.debug("The server's certificate chain is not trusted", rejected);
            return explain(chain, rejected);
        }
    }

    private TrustVerdict evaluateClientChain(X509Certificate[] chain, String authType) {
        if (chain == null || chain.length == 0) {
            return TrustVerdict.untrusted("no certificate presented");
        }
        try {
            pkix.checkClientTrusted(chain, authType);
            return TrustVerdict.trustedChain();
        } catch (GeneralSecurityException | RuntimeException rejected) {
            LOG.debug("The client's certificate chain is not trusted", rejected);
            return explain(chain, rejected);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        verdict = evaluateServerChain(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        verdict = evaluateServerChain(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        verdict = evaluateServerChain(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        verdict = evaluateClientChain(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        verdict = evaluateClientChain(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        verdict = evaluateClientChain(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix.getAcceptedIssuers();
    }

    /** Puts the most useful reason first: who is (not) vouching for the chain, then validity dates. */
    private TrustVerdict explain(X509Certificate[] chain, Exception rejection) {
        List<String> problems = new ArrayList<>();
        X509Certificate last = chain[chain.length - 1];
        if (!reachesTrustedCertificate(chain)) {
            if (namesTrustedIssuer(last)) {
                problems.add("not signed by the trusted " + last.getIssuerX500Principal().getName()
                        + " whose name it carries");
            } else if (!isSelfSigned(last)) {
                problems.add("unknown issuer " + last.getIssuerX500Principal().getName());
            } else if (chain.length == 1) {
                problems.add("self-signed");
            } else {
                problems.add("untrusted root " + last.getSubjectX500Principal().getName() + " (self-signed)");
            }
        }
        Date now = new Date();
        for (int i = 0; i < chain.length; i++) {
            X509Certificate certificate = chain[i];
            String which = i == 0 ? "" : "issuer certificate " + certificate.getSubjectX500Principal().getName() + " ";
            try {
                certificate.checkValidity(now);
            } catch (CertificateExpiredException e) {
                problems.add(which + "expired on " + day(certificate.getNotAfter()));
            } catch (CertificateNotYetValidException e) {
                problems.add(which + "not valid before " + day(certificate.getNotBefore()));
            }
        }
        if (problems.isEmpty()) {
            problems.add(innermostMessage(rejection));
        }
        return TrustVerdict.untrusted(String.join(", ", problems));
    }

    private boolean reachesTrustedCertificate(X509Certificate[] chain) {
        Set<X509Certificate> trusted = new HashSet<>(Arrays.asList(pkix.getAcceptedIssuers()));
        for (X509Certificate certificate : chain) {
            if (trusted.contains(certificate)) {
                return true;
            }
            for (X509Certificate anchor : trusted) {
                if (anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                        && signedBy(certificate, anchor)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean namesTrustedIssuer(X509Certificate certificate) {
        return !isSelfSigned(certificate) && Arrays.stream(pkix.getAcceptedIssuers())
                .anyMatch(anchor -> anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal()));
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && signedBy(certificate, certificate);
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String day(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String innermostMessage(Throwable failure) {
        String message = failure.toString();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    /** The JDK's PKIX trust manager over {@code trustStore} (null: the default trust store). */
    static X509TrustManager pkixTrustManager(KeyStore trustStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(trustStore);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("The PKIX trust manager factory made no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up certificate validation: " + e.getMessage(), e);
        }
    }

    /** An in-memory trust store with the JDK's default trusted certificates plus {@code extraTrusted}. */
    static KeyStore defaultTrustStoreWith(Collection<X509Certificate> extraTrusted) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate certificate : pkixTrustManager(null).getAcceptedIssuers()) {
                store.setCertificateEntry("default-" + index++, certificate);
            }
            index = 0;
            for (X509Certificate certificate : extraTrusted) {
                store.setCertificateEntry("extra-" + index++, certificate);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build an in-memory trust store: " + e.getMessage(), e);
        }
    }
}
