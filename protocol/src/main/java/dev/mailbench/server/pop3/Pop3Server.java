package dev.mailbench.server.pop3;

import dev.mailbench.server.TcpListener;
import java.io.IOException;
import java.net.Socket;
import java.util.Objects;

/**
 * The POP3 side of the practice server (RFC 1939 with CAPA, RFC 2449; STLS, RFC 2595; AUTH, RFC 5034):
 * listens on {@link Pop3ServerContext#port()}, one thread per connection, each a {@link Pop3ServerSession}
 * recorded in its own transcript. Beyond the connection limit a client gets
 * {@code -ERR [SYS/TEMP]} and is closed.
 *
 * <pre>{@code
 * try (Pop3Server pop3 = new Pop3Server(context)) {
 *     pop3.start();                 // PortInUseException when the port is taken
 *     int port = pop3.port();       // the real port, also after asking for 0
 * }
 * }</pre>
 */
public final class Pop3Server implements AutoCloseable {
    private final Pop3ServerContext context;
    private final Pop3CommandTable commands = Pop3CommandTable.standard();
    private final LoginPolicy loginPolicy;
    private TcpListener listener;

    public Pop3Server(Pop3ServerContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.loginPolicy = new LoginFailureFault(context.faults(), new StudentLoginLimit(context.classPolicy(),
                new MailboxLogin(context.accounts(), context.backend())));
    }

    /**
     * Binds and starts accepting connections.
     *
     * @throws dev.mailbench.server.PortInUseException if the port is taken, with a message that says so
     * @throws IllegalStateException if the server was started before
     */
    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("the POP3 server was already started; make a new one to start again");
        }
        TcpListener created = new TcpListener(Pop3ServerSession.PROTOCOL, context.bindAddress(), context.port(),
                context.limits().maxConnections(), new TcpListener.Handler() {
                    @Override
                    public void serve(Socket socket) throws IOException {
                        newSession(socket).serve();
                    }

                    @Override
                    public void refuse(Socket socket) throws IOException {
                        newSession(socket).refuse();
                    }
                });
        created.start();
        listener = created;
    }

    private Pop3ServerSession newSession(Socket socket) {
        return new Pop3ServerSession(context, commands, loginPolicy, socket);
    }

    /** The port listened on, or -1 before {@link #start()}. */
    public synchronized int port() {
        return listener == null ? -1 : listener.port();
    }

    public synchronized boolean isRunning() {
        return listener != null && listener.isRunning();
    }

    /** Connections being served now. */
    public synchronized int activeConnections() {
        return listener == null ? 0 : listener.activeConnections();
    }

    public Pop3ServerContext context() {
        return context;
    }

    /**
     * Stops accepting and closes every connection. Sessions that did not reach QUIT release their mailboxes
     * without deleting anything (RFC 1939 §6).
     */
    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close();
        }
    }
}
