package dev.mailbench.tls;

import dev.mailbench.wire.TlsLayer;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;

/** Gives the client sessions TLS through {@link ClientTls}: handshakes that report, never silently trust. */
public final class ClientTlsLayer implements TlsLayer {
    private final ClientTls tls;
    private final Consumer<TlsReport> reports;

    /** Trusts what the JDK trusts, and reports anything else without refusing it. */
    public ClientTlsLayer() {
        this(new ClientTls());
    }

    public ClientTlsLayer(ClientTls tls) {
        this(tls, report -> { });
    }

    private ClientTlsLayer(ClientTls tls, Consumer<TlsReport> reports) {
        this.tls = tls;
        this.reports = reports;
    }

    /**
     * The same TLS, also handing each handshake's report to {@code reports} (on the connecting thread), so a
     * window can show the certificate's verdict where the user acts, not only in the transcript note.
     */
    public ClientTlsLayer reportingTo(Consumer<TlsReport> reports) {
        return new ClientTlsLayer(tls, reports);
    }

    @Override
    public Established connectImplicit(String host, int port, Duration connectTimeout, Duration handshakeTimeout)
            throws IOException {
        TlsConnection connection = tls.connectImplicit(host, port, connectTimeout, handshakeTimeout);
        reports.accept(connection.report());
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
        reports.accept(connection.report());
        return new Established(connection.socket(), connection.report().describe());
    }
}
