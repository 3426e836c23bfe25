package dev.mailbench.wire;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

/**
 * How a client session gets TLS: kept behind this small seam so that the wire layer knows sockets and
 * bytes, and the TLS package knows certificates and trust.
 */
public interface TlsLayer {

    /** A finished handshake: the TLS socket and the one-line report for the transcript. */
    record Established(Socket socket, String report) {
    }

    /** Opens a TCP connection and completes a TLS handshake on it before any protocol byte (implicit TLS). */
    Established connectImplicit(String host, int port, Duration connectTimeout, Duration handshakeTimeout)
            throws IOException;

    /** Completes a TLS handshake over an existing plain connection (STARTTLS / STLS). */
    Established upgrade(Socket plain, String host, int port, Duration handshakeTimeout) throws IOException;

    /** Whether a failed handshake failed because the peer answered in plain text (a STARTTLS or plain port). */
    default boolean answeredInPlainText(IOException failure) {
        return false;
    }
}
