package dev.mailbench.server.smtp;

import dev.mailbench.server.TcpListener;
import dev.mailbench.wire.MailProtocol;
import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The practice SMTP server: listens on the context's address and port (loopback by default), one thread
 * per connection, up to {@code ServerLimits.maxConnections}; beyond that {@code 421 4.7.0}.
 *
 * <pre>{@code
 * try (SmtpServer smtp = new SmtpServer(context)) {
 *     smtp.start();                 // PortInUseException if the port is taken
 *     int port = smtp.port();       // the real port when 0 was asked for
 * }
 * }</pre>
 */
public final class SmtpServer implements AutoCloseable {
    private final SmtpServerContext context;
    private final SmtpCommandTable commands;
    private final Greylist greylist = new Greylist();
    private final TcpListener listener;
    private final Set<SmtpServerSession> live = ConcurrentHashMap.newKeySet();

    public SmtpServer(SmtpServerContext context) {
        this.context = context;
        this.commands = SmtpCommandTable.standard(context.relay().get());
        this.listener = new TcpListener(MailProtocol.SMTP, context.bindAddress(), context.port(), context.limits().maxConnections(),
                new TcpListener.Handler() {
                    @Override
                    public void serve(Socket socket) throws IOException {
                        SmtpServerSession session = new SmtpServerSession(context, commands, greylist, socket);
                        live.add(session);
                        try {
                            session.serve();
                        } finally {
                            live.remove(session);
                        }
                    }

                    @Override
                    public void refuse(Socket socket) throws IOException {
                        new SmtpServerSession(context, commands, greylist, socket).refuse();
                    }
                });
    }

    /** Binds and starts accepting; a taken port is a {@link dev.mailbench.server.PortInUseException}. */
    public void start() throws IOException {
        listener.start();
    }

    /** The port listened on (the real one when 0 was asked for), or -1 before start. */
    public int port() {
        return listener.port();
    }

    public boolean isRunning() {
        return listener.isRunning();
    }

    public SmtpServerContext context() {
        return context;
    }

    /** The triplets greylisting has seen; {@link Greylist#clear()} makes every sender "new" again. */
    public Greylist greylist() {
        return greylist;
    }

    /** Connections being served now. */
    public int activeConnections() {
        return listener.activeConnections();
    }

    /**
     * Stops listening, tells every connected client {@code 421 4.3.2} (RFC 5321 §3.8) and closes the
     * connections; deliveries in progress are aborted, so nothing half-received is kept.
     */
    @Override
    public void close() {
        live.forEach(SmtpServerSession::shutDown);
        listener.close();
    }
}
