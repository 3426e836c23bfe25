package dev.mailbench.tls;

import dev.mailbench.wire.TlsLayer;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/** Gives the client sessions TLS through {@link ClientTls}: handshakes that report, never silently trust. */
public final class ClientTlsLayer implements TlsLayer {
    private final ClientTls tls;

    /** Trusts what the JDK trusts, and reports anything else without refusing it. */
    public ClientTlsLayer() {
        this(new ClientTls());
    }

    public ClientTlsLayer(ClientTls tls) {
        this.tls = tls;
    }

    @Override
    public Established connectImplicit(String host, int port, Duration connectTimeout, Duration handshakeTimeout)
            throws IOException {
        TlsConnection connection = tls.connectImplicit(host, port, connectTimeout, handshakeTimeout);
        return new Established(connection.socket(), connection.report().describe());
    }

    @Override
    public boolean answeredInPlainText(IOException failure) {
        return failure instanceof TlsHandshakeException handshake
                && handshake.kind() == TlsHandshakeException.Kind.NOT_TLS;
    }

    @Override
    public Established upgrade(Socket plain, String host, int port, Duration handshakeTimeout) throws IOException {
        TlsConnection connection = tls.upgrade(plain, host, port, handshakeTimeout);
        return new Established(connection.socket(), connection.report().describe());
    }
}
