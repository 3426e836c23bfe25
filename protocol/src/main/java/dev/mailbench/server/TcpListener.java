package dev.mailbench.server;

import dev.mailbench.wire.MailProtocol;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts TCP connections for one protocol and runs each on its own thread, up to a connection limit;
 * beyond it the handler's {@link Handler#refuse} answers (SMTP {@code 421 4.7.0}, POP3 {@code -ERR [SYS/TEMP]})
 * and closes, so no client is left hanging.
 *
 * <p>An {@code accept} that fails while the listener is open (most often: the process has run out of file
 * descriptors) is logged and retried after a pause that starts at {@link #FIRST_PAUSE} and doubles up to
 * {@link #LONGEST_PAUSE}, so the failure does not turn into a busy loop that starves the connections being served.
 */
public final class TcpListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpListener.class);
    /** The pause after the first failed accept of a run of failures. */
    static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    /** The longest pause between failed accepts. */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    /** What a protocol does with a connection. */
    public interface Handler {
        /** Serves the connection until it ends; the listener closes the socket afterwards. */
        void serve(Socket socket) throws IOException;

        /** Tells a client over the connection limit to come back later. */
        void refuse(Socket socket) throws IOException;
    }

    /** How the accept loop pauses after a failure; tests count the pauses instead of waiting them. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration pause) throws InterruptedException;
    }

    /** Makes the (unbound) server socket; tests give one whose accept fails. */
    @FunctionalInterface
    interface ServerSockets {
        ServerSocket create() throws IOException;
    }

    private final MailProtocol protocol;
    private final InetAddress bindAddress;
    private final int requestedPort;
    private final int maxConnections;
    private final Handler handler;
    private final ServerSockets serverSockets;
    private final Sleeper sleeper;
    private final AtomicInteger active = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private volatile ServerSocket serverSocket;
    private volatile Thread acceptor;

    public TcpListener(MailProtocol protocol, InetAddress bindAddress, int port, int maxConnections, Handler handler) {
        this(protocol, bindAddress, port, maxConnections, handler, ServerSocket::new,
                pause -> Thread.sleep(pause.toMillis()));
    }

    TcpListener(MailProtocol protocol, InetAddress bindAddress, int port, int maxConnections, Handler handler,
                ServerSockets serverSockets, Sleeper sleeper) {
        this.protocol = protocol;
        this.serverSockets = serverSockets;
        this.sleeper = sleeper;
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
        ServerSocket socket = serverSockets.create();
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
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
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
        Duration pause = Duration.ZERO;
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                pause = pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), LONGEST_PAUSE);
                if (pause.equals(FIRST_PAUSE)) {
                    LOG.warn("{} on port {} could not accept a connection; retrying with growing pauses", protocol,
                            socket.getLocalPort(), e);
                } else {
                    LOG.debug("{} on port {}: accept failed again ({}); next try in {} ms", protocol,
                            socket.getLocalPort(), e, pause.toMillis());
                }
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    LOG.warn("{} on port {}: accepting stopped by an interrupt", protocol, socket.getLocalPort());
                    return;
                }
                continue;
            }
            if (!pause.isZero()) {
                LOG.info("{} on port {} accepts connections again", protocol, socket.getLocalPort());
                pause = Duration.ZERO;
            }
            open.add(client);
            boolean admitted = active.incrementAndGet() <= maxConnections;
            try {
                workers.execute(() -> run(client, admitted));
            } catch (RejectedExecutionException e) {
                // only while closing: the workers no longer take new connections
                active.decrementAndGet();
                open.remove(client);
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
        } catch (IOException e) {
            // The connection's own transcript has recorded what happened; a client's broken connection is ordinary.
            LOG.debug("{} connection from {} ended by an I/O error", protocol, client.getRemoteSocketAddress(), e);
        } catch (RuntimeException e) {
            // A fault in the server itself: the transcript has a note of it, the log the whole trace.
            // One broken connection never stops the server.
            LOG.error("{} connection from {} ended by an error in the server", protocol,
                    client.getRemoteSocketAddress(), e);
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed", c, e);   // closing is best effort
        }
    }
}
