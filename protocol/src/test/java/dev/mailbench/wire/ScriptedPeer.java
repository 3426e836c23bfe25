package dev.mailbench.wire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A one-connection server on 127.0.0.1 (port 0) that follows a script, for client tests of what real servers
 * rarely do on demand: stay silent, send malformed replies, hang up mid-dialogue (OkHttp's MockWebServer idea).
 */
public final class ScriptedPeer implements AutoCloseable {

    /** What the peer does with its accepted connection. */
    @FunctionalInterface
    public interface Script {
        void run(Conversation conversation) throws IOException, InterruptedException;
    }

    /** The accepted connection, as the script sees it. */
    public static final class Conversation {
        private final Socket socket;
        private final BufferedReader in;
        private final OutputStream out;

        Conversation(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            this.out = socket.getOutputStream();
        }

        /** Sends the string's bytes exactly (ISO-8859-1, so every char is one byte). */
        public Conversation send(String raw) throws IOException {
            return sendBytes(raw.getBytes(StandardCharsets.ISO_8859_1));
        }

        public Conversation sendBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        /** Reads one line the client sent (without its line ending), or null at end of stream. */
        public String receive() throws IOException {
            return in.readLine();
        }

        /** Waits until the client closes the connection. */
        public void awaitClientClose() throws IOException {
            while (in.readLine() != null) {
                // discard whatever the client still sends
            }
        }

        public void hangUp() throws IOException {
            socket.close();
        }
    }

    private final ServerSocket serverSocket;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    public ScriptedPeer(Script script) throws IOException {
        serverSocket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket socket = serverSocket.accept()) {
                script.run(new Conversation(socket));
                done.complete(null);
            } catch (Exception e) {
                done.completeExceptionally(e);
            }
        }, "scripted-peer");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Completes when the script has finished (exceptionally if it failed). */
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
