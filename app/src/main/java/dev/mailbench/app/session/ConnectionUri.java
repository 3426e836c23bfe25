package dev.mailbench.app.session;

import dev.mailbench.wire.ServerUri;

/**
 * A server written as a URI, for {@code mailbench --connect}: {@code smtp://host:port}, {@code smtps://} for
 * implicit TLS (RFC 8314), {@code smtp+starttls://}; the same with {@code pop3}, {@code pop3s} and
 * {@code pop3+stls}. Without a port, the usual one for the scheme.
 */
public final class ConnectionUri {

    private ConnectionUri() {
    }

    /**
     * @throws IllegalArgumentException with a sentence for the user when the text is not such a URI
     */
    public static ConnectionSettings parse(String text) {
        ServerUri uri = ServerUri.parse(text);
        return new ConnectionSettings(uri.host(), uri.port(), uri.protocol(), uri.tlsMode());
    }
}
