package dev.mailbench.diagnose;

import dev.mailbench.tls.ClientTls;
import dev.mailbench.tls.TlsConnection;
import dev.mailbench.tls.TlsHandshakeException;
import dev.mailbench.tls.TlsReport;
import dev.mailbench.wire.TlsLayer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * TLS for a diagnosis: the certificate is judged against the server's name even when the connection was made to
 * the address an MX lookup gave, and the last handshake's report is kept for the certificate checks.
 */
final class NamedTlsLayer implements TlsLayer {
    private final ClientTls tls;
    private final String name;
    private volatile TlsReport last;

    NamedTlsLayer(ClientTls tls, String name) {
        this.tls = tls;
        this.name = name;
    }

    @Override
    public Established connectImplicit(String host, int port, Duration connectTimeout, Duration handshakeTimeout)
            throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), (int) Math.max(1, connectTimeout.toMillis()));
        } catch (IOException e) {
            plain.close();
            throw e;
        }
        return upgrade(plain, host, port, handshakeTimeout);
    }

    @Override
    public Established upgrade(Socket plain, String host, int port, Duration handshakeTimeout) throws IOException {
        TlsConnection connection = tls.upgrade(plain, name, port, handshakeTimeout);
        last = connection.report();
        return new Established(connection.socket(), connection.report().describe());
    }

    @Override
    public boolean answeredInPlainText(IOException failure) {
        return failure instanceof TlsHandshakeException handshake
                && handshake.kind() == TlsHandshakeException.Kind.NOT_TLS;
    }

    /** The report of the last handshake that completed. */
    Optional<TlsReport> lastReport() {
        return Optional.ofNullable(last);
    }
}
