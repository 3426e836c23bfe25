package dev.mailbench.tls;

import dev.mailbench.wire.TlsLayer;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Gives the client sessions TLS through {@link ClientTls}: handshakes that report, never silently trust. */
public final class ClientTlsLayer implements TlsLayer {
    private final Supplier<ClientTls> tls;
    private final Consumer<TlsReport> reports;

    /**
     * Trusts what the JDK trusts, and reports anything else without refusing it. The JDK's trust store is read
     * at the first handshake, not here: a window that makes its layer at start need not wait for it.
     */
    public ClientTlsLayer() {
        this(new Once<>(ClientTls::new), report -> { });
    }

    public ClientTlsLayer(ClientTls tls) {
        this(() -> tls, report -> { });
    }

    private ClientTlsLayer(Supplier<ClientTls> tls, Consumer<TlsReport> reports) {
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
        TlsConnection connection = tls.get().connectImplicit(host, port, connectTimeout, handshakeTimeout);
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
        TlsConnection connection = tls.get().upgrade(plain, host, port, handshakeTimeout);
        reports.accept(connection.report());
        return new Established(connection.socket(), connection.report().describe());
    }

    /** The value {@code make} gives on the first call, made once. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> make;
        private T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }
}
