package dev.mailbench.server;

import dev.mailbench.wire.MailProtocol;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accepts TCP connections for one protocol and runs each on its own thread, up to a connection limit;
 * beyond it the handler's {@link Handler#refuse} answers (SMTP {@code 421 4.7.0}, POP3 {@code -ERR [SYS/TEMP]})
 * and closes, so no client is left hanging.
 */
public final class TcpListener implements AutoCloseable {

    /** What a protocol does with a connection. */
    public interface Handler {
        /** Serves the connection until it ends; the listener closes the socket afterwards. */
        void serve(Socket socket) throws IOException;

        /** Tells a client over the connection limit to come back later. */
        void refuse(Socket socket) throws IOException;
    }

    private final MailProtocol protocol;
    private final InetAddress bindAddress;
    private final int requestedPort;
    private final int maxConnections;
    private final Handler handler;
    private final AtomicInteger active = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private volatile ServerSocket serverSocket;
    private volatile Thread acceptor;

    public TcpListener(MailProtocol protocol, InetAddress bindAddress, int port, int maxConnections, Handler handler) {
        this.protocol = protocol;
        this.bindAddress = bindAddress;
        this.requestedPort = port;
        this.maxConnections = maxConnections;
        this.handler = handler;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mailbench-" + protocol.name().toLowerCase(Locale.ROOT) + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Binds and starts accepting. A taken port becomes a {@link PortInUseException} with a clear message. */
    public synchronized void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(bindAddress, requestedPort), 100);
        } catch (BindException e) {
            socket.close();
            if (!isAddressOfThisMachine(bindAddress)) {
                throw new BindException(bindAddress.getHostAddress() + " is not an address of this computer, so "
                        + protocol + " cannot listen there. Choose one of its own addresses, or 127.0.0.1.");
            }
            throw new PortInUseException(protocol, bindAddress.getHostAddress(), requestedPort, e);
        }
        serverSocket = socket;
        acceptor = new Thread(this::acceptLoop, "mailbench-" + protocol.name().toLowerCase(Locale.ROOT) + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static boolean isAddressOfThisMachine(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return java.net.NetworkInterface.getByInetAddress(address) != null;
        } catch (java.net.SocketException e) {
            return true;   // cannot tell: the port is the likelier cause
        }
    }

    /** The port actually bound (useful after asking for port 0). */
    public int port() {
        ServerSocket socket = serverSocket;
        return socket == null ? -1 : socket.getLocalPort();
    }

    public InetAddress bindAddress() {
        return bindAddress;
    }

    public boolean isRunning() {
        ServerSocket socket = serverSocket;
        return socket != null && !socket.isClosed();
    }

    /** Connections being served now. */
    public int activeConnections() {
        return active.get();
    }

    private void acceptLoop() {
        ServerSocket socket = serverSocket;
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                continue;
            }
            open.add(client);
            boolean admitted = active.incrementAndGet() <= maxConnections;
            try {
                workers.execute(() -> run(client, admitted));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                active.decrementAndGet();
                closeQuietly(client);
            }
        }
    }

    private void run(Socket client, boolean admitted) {
        try {
            if (admitted) {
                handler.serve(client);
            } else {
                handler.refuse(client);
            }
        } catch (IOException | RuntimeException e) {
            // The connection's own transcript has recorded what happened; one broken client never stops the server.
        } finally {
            active.decrementAndGet();
            open.remove(client);
            closeQuietly(client);
        }
    }

    /** Stops accepting and closes every open connection; waits briefly for their threads to finish. */
    @Override
    public synchronized void close() {
        ServerSocket socket = serverSocket;
        if (socket != null) {
            closeQuietly(socket);
        }
        open.forEach(TcpListener::closeQuietly);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    static boolean isReset(SocketException e) {
        return e.getMessage() != null && e.getMessage().contains("reset");
    }
}
