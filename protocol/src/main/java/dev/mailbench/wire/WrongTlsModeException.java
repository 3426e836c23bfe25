package dev.mailbench.wire;

/** The connection was opened in the wrong TLS mode; the message says which one to choose ({@link TlsModeHints}). */
public class WrongTlsModeException extends ConnectionClosedException {
    public WrongTlsModeException(String message) {
        super(message);
    }
}
