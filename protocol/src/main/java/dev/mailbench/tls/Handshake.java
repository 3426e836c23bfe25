package dev.mailbench.tls;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a TLS handshake with a hard deadline. The read timeout alone bounds each read, not the handshake: a
 * peer that trickles a byte now and then would hold it open for ever, so the socket is also closed when
 * the deadline passes.
 */
final class Handshake {

    private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);

    private static final ScheduledThreadPoolExecutor DEADLINES = deadlineScheduler();

    private Handshake() {
    }

    /**
     * Completes the handshake on {@code socket} within {@code timeout}, or closes it and throws.
     *
     * @param peer how to name the other side in messages, e.g. {@code mail.example.test:465}
     */
    static void complete(SSLSocket socket, String peer, Duration timeout) throws TlsHandshakeException {
        requirePositive(timeout);
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            deadlinePassed.set(true);
            closeQuietly(socket);
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            int previousReadTimeout = socket.getSoTimeout();
            socket.setSoTimeout(readTimeoutMillis(timeout));
            socket.startHandshake();
            socket.setSoTimeout(previousReadTimeout);
        } catch (IOException failure) {
            deadline.cancel(false);
            closeQuietly(socket);
            throw TlsHandshakeException.fromHandshakeFailure(peer, timeout, failure, deadlinePassed.get());
        }
        if (!deadline.cancel(false)) {
            // The deadline fired just as the handshake finished: the socket is (being) closed.
            closeQuietly(socket);
            throw TlsHandshakeException.fromHandshakeFailure(peer, timeout,
                    new IOException("deadline passed"), true);
        }
    }

    static void requirePositive(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A positive timeout is needed, got " + timeout);
        }
    }

    static int readTimeoutMillis(Duration timeout) {
        long millis = Math.max(1, timeout.toMillis()); // 0 would mean "wait for ever"
        return (int) Math.min(Integer.MAX_VALUE, millis);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyBroken) {
            // nothing more to release
            LOG.debug("Closing the socket failed", alreadyBroken);
        }
    }

    private static ScheduledThreadPoolExecutor deadlineScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "mailbench-tls-handshake-deadline");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
