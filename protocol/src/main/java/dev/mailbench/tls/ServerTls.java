package dev.mailbench.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The server side of TLS for the embedded practice server: STARTTLS/STLS upgrades of accepted plain
 * connections, and implicit TLS on connections accepted on ports like 465 and 995. Both are layered over
 * a plain accepted {@link Socket}, so the server can accept every port the same way.
 */
public final class ServerTls {

    /** TLS 1.2 and 1.3 only: older versions are deprecated (RFC 8996). */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLContext context;
    private final X509Certificate certificate;

    private ServerTls(SSLContext context, X509Certificate certificate) {
        this.context = context;
        this.certificate = certificate;
    }

    /**
     * TLS with the key and certificate stored under {@link SelfSignedCertificate#ALIAS} in {@code keyStore},
     * as made by {@link SelfSignedCertificate#loadOrCreate}.
     */
    public static ServerTls fromKeyStore(KeyStore keyStore, char[] password) throws GeneralSecurityException {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        X509Certificate certificate = SelfSignedCertificate.certificate(keyStore);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        return new ServerTls(context, certificate);
    }

    /** The TLS context, for callers that need an engine or a server socket of their own. */
    public SSLContext sslContext() {
        return context;
    }

    /** The certificate this server presents; give it to a client that should trust the server. */
    public X509Certificate certificate() {
        return certificate;
    }

    /**
     * Starts TLS on an accepted plain connection after the server replied to STARTTLS (RFC 3207) or STLS
     * (RFC 2595) with a positive answer, and completes the handshake.
     *
     * <p>{@code plaintextAfterCommand} must be everything the caller's reader has already taken off the
     * connection beyond the command line. A client must start the handshake right after the reply and send
     * nothing before it (RFC 3207 §4, RFC 2920 §3.1: STARTTLS ends a pipelined group); bytes found there
     * were sent in clear, possibly injected by an attacker, and would be mistaken for commands sent under
     * TLS. They are therefore refused with {@link TlsHandshakeException.Kind#PLAINTEXT_BEFORE_HANDSHAKE},
     * before the socket is touched, leaving the caller to close the connection. Pass an empty array when
     * nothing was buffered.
     *
     * @throws TlsHandshakeException if plain text was buffered, or the handshake fails or times out (the
     *         connection is then closed)
     */
    public SSLSocket upgrade(Socket plain, byte[] plaintextAfterCommand, Duration handshakeTimeout)
            throws TlsHandshakeException {
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(plaintextAfterCommand, "plaintextAfterCommand");
        Handshake.requirePositive(handshakeTimeout);
        if (plaintextAfterCommand.length > 0) {
            throw TlsHandshakeException.plaintextBeforeHandshake(peerName(plain), plaintextAfterCommand);
        }
        return layer(plain, handshakeTimeout);
    }

    /**
     * Completes a TLS handshake on a connection accepted on an implicit-TLS port (RFC 8314 §3.3), where TLS
     * starts before any protocol byte.
     *
     * @throws TlsHandshakeException if the handshake fails or times out (the connection is then closed)
     */
    public SSLSocket acceptImplicit(Socket accepted, Duration handshakeTimeout) throws TlsHandshakeException {
        Objects.requireNonNull(accepted, "accepted");
        Handshake.requirePositive(handshakeTimeout);
        return layer(accepted, handshakeTimeout);
    }

    private SSLSocket layer(Socket plain, Duration handshakeTimeout) throws TlsHandshakeException {
        String peer = peerName(plain);
        SSLSocket socket;
        try {
            socket = (SSLSocket) context.getSocketFactory().createSocket(
                    plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
        } catch (IOException e) {
            Handshake.closeQuietly(plain);
            throw TlsHandshakeException.fromHandshakeFailure(peer, handshakeTimeout, e, false);
        }
        socket.setUseClientMode(false);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        parameters.setNeedClientAuth(false);
        parameters.setWantClientAuth(false);
        socket.setSSLParameters(parameters);
        Handshake.complete(socket, peer, handshakeTimeout);
        return socket;
    }

    /**
     * A one-line note for the server's transcript, e.g. {@code TLS established: TLSv1.3, cipher
     * TLS_AES_256_GCM_SHA384, client asked for mail.example.test}.
     */
    public static String describe(SSLSession session) {
        String note = "TLS established: " + session.getProtocol() + ", cipher " + session.getCipherSuite();
        List<SNIServerName> requested = session instanceof ExtendedSSLSession extended
                ? extended.getRequestedServerNames() : List.of();
        if (requested.isEmpty()) {
            return note + ", client sent no server name (SNI)";
        }
        return note + ", client asked for " + requested.stream()
                .map(name -> name instanceof SNIHostName host ? host.getAsciiName() : name.toString())
                .collect(Collectors.joining(", "));
    }

    private static String peerName(Socket socket) {
        return socket.getInetAddress() == null ? "the client"
                : "client " + socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }
}
