package dev.mailbench.tls;

import java.io.Closeable;
import java.io.IOException;
import java.util.Objects;

import javax.net.ssl.SSLSocket;

/**
 * A connection on which the TLS handshake has completed, with the report of what it established.
 *
 * @param socket the TLS socket; read and write the protocol through it from now on
 * @param report protocol, cipher suite, the peer's certificates and the verdict on them
 */
public record TlsConnection(SSLSocket socket, TlsReport report) implements Closeable {

    public TlsConnection {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(report, "report");
    }

    /** Closes the TLS socket and the connection under it. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
