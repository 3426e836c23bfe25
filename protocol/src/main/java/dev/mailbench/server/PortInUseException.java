package dev.mailbench.server;

import dev.mailbench.wire.MailProtocol;
import java.io.IOException;

/** The port the server should listen on is taken; the message says which and suggests what to do. */
public class PortInUseException extends IOException {
    private final MailProtocol protocol;
    private final int port;

    public PortInUseException(MailProtocol protocol, String bindAddress, int port, Throwable cause) {
        super(protocol + " port " + port + " on " + bindAddress + " is already in use by another program. "
                + "Choose another port (for example " + (port + 1) + "), or 0 to let the system pick a free one.", cause);
        this.protocol = protocol;
        this.port = port;
    }

    public MailProtocol protocol() {
        return protocol;
    }

    public int port() {
        return port;
    }
}
