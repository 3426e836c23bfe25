package dev.mailbench.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A server on 127.0.0.1 and a free port that runs one script for the first connection it accepts. */
final class OneConnectionServer implements AutoCloseable {

    /** What the server does with the accepted connection; its result is handed to the test. */
    @FunctionalInterface
    interface Script<T> {
        T run(Socket accepted) throws Exception;
    }

    private final ServerSocket listener;
    private final CompletableFuture<Object> outcome = new CompletableFuture<>();
    private final Thread thread;

    private OneConnectionServer(ServerSocket listener, Script<?> script) {
        this.listener = listener;
        this.thread = new Thread(() -> {
            try (Socket accepted = listener.accept()) {
                outcome.complete(script.run(accepted));
            } catch (Throwable failure) {
                outcome.completeExceptionally(failure);
            }
        }, "test-server");
        thread.setDaemon(true);
        thread.start();
    }

    static OneConnectionServer start(Script<?> script) throws IOException {
        return new OneConnectionServer(new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1")), script);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The script's result; rethrows what the script threw. Waits generously: a hang is a failure. */
    @SuppressWarnings("unchecked")
    <T> T result() throws Exception {
        try {
            return (T) outcome.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (TimeoutException e) {
            throw new AssertionError("the test server did not finish", e);
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
