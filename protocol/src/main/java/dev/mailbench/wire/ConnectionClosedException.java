package dev.mailbench.wire;

import java.io.IOException;

/** The peer closed the connection, or it broke, while an answer was expected. */
public class ConnectionClosedException extends IOException {
    public ConnectionClosedException(String message) {
        super(message);
    }

    public ConnectionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
