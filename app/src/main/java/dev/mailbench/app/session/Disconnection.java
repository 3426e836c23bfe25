package dev.mailbench.app.session;

import java.util.function.BooleanSupplier;

/**
 * After a QUIT typed by hand, the server closes the connection (RFC 5321 §4.1.1.10, RFC 1939 §6); waiting
 * briefly for that lets the tab show "connection closed" rather than a state about to change.
 */
final class Disconnection {

    private static final long LIMIT_NANOS = 2_000_000_000L;

    private Disconnection() {
    }

    static void await(BooleanSupplier connected) {
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (connected.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
