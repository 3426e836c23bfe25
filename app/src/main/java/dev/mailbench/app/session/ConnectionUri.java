package dev.mailbench.app.session;

import dev.mailbench.wire.ServerAddress;

/**
 * A server written as a URI, for {@code mailbench --connect}: read by {@link ServerAddress#parse}, with the usual
 * reply timeout.
 */
public final class ConnectionUri {

    private ConnectionUri() {
    }

    /**
     * @throws IllegalArgumentException with a sentence for the user when the text is not such a URI
     */
    public static ConnectionSettings parse(String text) {
        ServerAddress address = ServerAddress.parse(text);
        return new ConnectionSettings(address.host(), address.port(), address.protocol(), address.tlsMode());
    }
}
