package dev.mailbench.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of TLS for SMTP and POP3: upgrading a plain connection after STARTTLS (RFC 3207) or STLS
 * (RFC 2595), or connecting with implicit TLS (ports 465 and 995, RFC 8314). The handshake always completes
 * when the peer speaks TLS; whether its certificate deserves trust is reported, not enforced.
 *
 * <p>Instances are immutable and may be shared; each connection gets its own trust verdict.
 */
public final class ClientTls {

    private static final Logger LOG = LoggerFactory.getLogger(ClientTls.class);

    /** The TLS versions offered; older ones are disabled by the JDK anyway (RFC 8996). */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final X509TrustManager pkix;

    /** Judges certificates against the JDK's default trust store. */
    public ClientTls() {
        this(ReportingTrustManager.pkixTrustManager(null));
    }

    private ClientTls(X509TrustManager pkix) {
        this.pkix = pkix;
    }

    /**
     * Judges certificates against the JDK's default trust store plus {@code extraTrusted}, for instance the
     * practice server's self-signed certificate the user chose to trust.
     */
    public static ClientTls trustingDefaultsAnd(Collection<X509Certificate> extraTrusted) {
        Objects.requireNonNull(extraTrusted, "extraTrusted");
        return new ClientTls(ReportingTrustManager.pkixTrustManager(
                ReportingTrustManager.defaultTrustStoreWith(List.copyOf(extraTrusted))));
    }

    /** Judges certificates against the trusted certificates in {@code trustStore} only. */
    public static ClientTls trustingOnly(KeyStore trustStore) {
        Objects.requireNonNull(trustStore, "trustStore");
        return new ClientTls(ReportingTrustManager.pkixTrustManager(trustStore));
    }

    /**
     * Starts TLS on an open plain connection, after the server accepted STARTTLS or STLS, and completes the
     * handshake. Read any reply fully before calling: the server's first TLS bytes follow it directly.
     *
     * @param plain the connected socket; it now belongs to the returned connection, and is closed on failure
     * @param host the name (or address) the user asked for: sent as SNI and checked against the certificate
     * @param port the port, for messages and the JDK's session cache
     * @throws TlsHandshakeException if the handshake fails or does not complete within {@code handshakeTimeout}
     */
    public TlsConnection upgrade(Socket plain, String host, int port, Duration handshakeTimeout)
            throws TlsHandshakeException {
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(host, "host");
        Handshake.requirePositive(handshakeTimeout);
        String peer = peerName(host, port);
        ReportingTrustManager trust = new ReportingTrustManager(pkix);
        SSLSocket socket;
        try {
            socket = (SSLSocket) newContext(trust).getSocketFactory().createSocket(plain, host, port, true);
        } catch (IOException e) {
            Handshake.closeQuietly(plain);
            throw TlsHandshakeException.fromHandshakeFailure(peer, handshakeTimeout, e, false);
        }
        socket.setUseClientMode(true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setServerNames(serverNameIndication(host).map(List::of).orElse(List.of()));
        // No endpoint identification here: a mismatch is reported by the host name check below, not refused.
        parameters.setEndpointIdentificationAlgorithm(null);
        socket.setSSLParameters(parameters);

        Handshake.complete(socket, peer, handshakeTimeout);
        return new TlsConnection(socket, report(socket.getSession(), host, trust));
    }

    /**
     * Connects to {@code host:port} and completes a TLS handshake at once (implicit TLS, RFC 8314 §3.3).
     *
     * @throws IOException if the connection cannot be made within {@code connectTimeout}
     * @throws TlsHandshakeException if the handshake fails or does not complete within {@code handshakeTimeout}
     */
    public TlsConnection connectImplicit(String host, int port, Duration connectTimeout, Duration handshakeTimeout)
            throws IOException {
        Objects.requireNonNull(host, "host");
        Handshake.requirePositive(connectTimeout);
        Handshake.requirePositive(handshakeTimeout);
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), Handshake.readTimeoutMillis(connectTimeout));
        } catch (IOException e) {
            Handshake.closeQuietly(plain);
            throw e;
        }
        return upgrade(plain, host, port, handshakeTimeout);
    }

    private static SSLContext newContext(ReportingTrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime offers no TLS", e);
        }
    }

    private static TlsReport report(SSLSession session, String host, ReportingTrustManager trust) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (Certificate certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    chain.add(x509);
                }
            }
        } catch (SSLPeerUnverifiedException noCertificate) {
            // An anonymous handshake: reported as "no certificate".
            LOG.debug("The peer {} presented no certificate", host, noCertificate);
        }
        TrustVerdict verdict = trust.verdict().orElse(TrustVerdict.untrusted("no certificate presented"));
        boolean hostMatches = !chain.isEmpty() && HostNameMatcher.matches(host, chain.get(0));
        return new TlsReport(session.getProtocol(), session.getCipherSuite(),
                chain.stream().map(CertificateSummary::of).toList(),
                verdict.trusted(), verdict.problem(), hostMatches);
    }

    /** RFC 6066 §3: SNI carries a DNS host name, never an address literal, and without the trailing dot. */
    static Optional<SNIServerName> serverNameIndication(String host) {
        if (IpLiteral.parse(host).isPresent()) {
            return Optional.empty();
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        try {
            return Optional.of(new SNIHostName(name));
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
    }

    private static String peerName(String host, int port) {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }
}
