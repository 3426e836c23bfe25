package dev.mailbench.wire;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the SMTP and POP3 client sessions share: a connection, a reader thread that records every server
 * line the moment it arrives (so an unsolicited {@code 421} shows up while the user is still typing), and
 * a queue of commands awaiting their replies in order (which also makes pipelining, RFC 2920, work).
 *
 * <p>Callers block only in {@link #await}, never in the reader; a UI calls the typed helpers from a
 * background thread, or uses the futures {@link #submit} returns.
 *
 * @param <R> the protocol's reply type
 */
public abstract class ClientSession<R> implements AutoCloseable {

    /** A command sent and not yet answered. */
    protected static final class Pending<R> {
        private final Object context;
        private final CompletableFuture<R> future = new CompletableFuture<>();

        public Pending(Object context) {
            this.context = context;
        }

        /** Whatever the session attached when sending (e.g. whether a POP3 response is multi-line). */
        public Object context() {
            return context;
        }

        public CompletableFuture<R> future() {
            return future;
        }
    }

    /** How long a port that usually speaks implicit TLS may stay silent before a note suggests implicit TLS. */
    static final Duration SILENCE_BEFORE_TLS_HINT = Duration.ofSeconds(3);

    protected final Transcript transcript;
    protected final ClientOptions options;
    private final ConcurrentLinkedDeque<Pending<R>> pending = new ConcurrentLinkedDeque<>();
    private final Object sendLock = new Object();
    private volatile WireConnection connection;
    /** How many times {@link #abort()} was called: lets a connect that was under way see it was cancelled. */
    private final AtomicLong aborts = new AtomicLong();
    private volatile Thread reader;
    private volatile String host;
    private volatile int port;

    protected ClientSession(Transcript transcript, ClientOptions options) {
        this.transcript = Objects.requireNonNull(transcript);
        this.options = Objects.requireNonNull(options);
    }

    /** Turns a line into a reply for the command at the head of the queue ({@code null}: unsolicited). */
    protected abstract R assemble(Line line, Pending<R> command);

    /** Whether this reply means the connection must now be upgraded to TLS (a positive STARTTLS / STLS). */
    protected abstract boolean startsTls(Pending<R> command, R reply);

    /** TLS is up after an upgrade: the protocol forgets what it learnt in plain text (RFC 3207 §4.2). */
    protected abstract void tlsStarted();

    /** The connection has ended, whoever ended it. */
    protected abstract void connectionEnded();

    /** The limits the server's lines are read with: the options' own, unless the protocol's lines are shorter. */
    protected WireLimits readLimits() {
        return options.limits();
    }

    /** Explains an incoming line for the transcript, or returns null. */
    protected Annotation annotateIncoming(Line line, Pending<R> command) {
        return null;
    }

    /**
     * Connects and waits for the server's greeting. With {@link TlsMode#IMPLICIT} the TLS handshake comes
     * first. The reply is the greeting.
     */
    protected R open(String host, int port, TlsMode mode) throws IOException {
        if (connection != null && connection.isOpen()) {
            throw new IllegalStateException("already connected to " + this.host + ":" + this.port);
        }
        this.host = host;
        this.port = port;
        long abortsBefore = aborts.get();
        WireConnection opened;
        if (mode == TlsMode.IMPLICIT) {
            transcript.note("Connecting to " + host + ":" + port + " with implicit TLS …");
            long start = System.nanoTime();
            TlsLayer.Established tls;
            try {
                tls = options.tlsLayer().connectImplicit(host, port, options.connectTimeout(), options.connectTimeout());
            } catch (IOException e) {
                String note = ConnectFailures.note(host, port, " with TLS", e);
                transcript.note(note);
                if (options.tlsLayer().answeredInPlainText(e)) {
                    transcript.note(TlsModeHints.PLAIN_FIRST + ".");
                    throw new WrongTlsModeException(TlsModeHints.PLAIN_FIRST);
                }
                throw ConnectFailures.explained(note, e);
            }
            opened = WireConnection.client(tls.socket(), transcript, readLimits(), true, start);
            transcript.note(tls.report());
        } else {
            opened = WireConnection.connect(host, port, options.connectTimeout(), transcript, readLimits());
        }
        pending.clear();
        Pending<R> greeting = new Pending<>(null);
        pending.add(greeting);
        opened.setIncomingAnnotator(line -> annotateIncoming(line, pending.peek()));
        this.connection = opened;
        Thread reader = new Thread(() -> readLoop(opened), "mailbench-reader-" + host + ":" + port);
        reader.setDaemon(true);
        this.reader = reader;
        reader.start();
        if (aborts.get() != abortsBefore) {
            // abort() came while the connection was being made, before it could see it: it still counts, or
            // a Cancel pressed at that moment would be lost and the wait for the greeting go on.
            opened.close();
        }
        if (mode != TlsMode.IMPLICIT && options.implicitTlsPorts().contains(port)) {
            return awaitGreetingOnTlsPort(greeting.future());
        }
        return await(greeting.future());
    }

    /**
     * A server on an implicit-TLS port waits for the client's handshake and sends nothing: after a few seconds of
     * silence a note suggests implicit TLS, and the wait goes on to the reply timeout.
     */
    private R awaitGreetingOnTlsPort(CompletableFuture<R> greeting) throws IOException {
        Duration timeout = options.replyTimeout();
        Duration hint = SILENCE_BEFORE_TLS_HINT.compareTo(timeout) < 0 ? SILENCE_BEFORE_TLS_HINT : timeout;
        try {
            return greeting.get(hint.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            transcript.note(TlsModeHints.SILENT_TLS_PORT + " (" + Durations.human(hint) + " so far).");
            return await(greeting, timeout.minus(hint));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the greeting");
        } catch (ExecutionException e) {
            return await(greeting); // completed: await reports its failure as for any reply
        }
    }

    /**
     * Sends one command line and returns the future of its reply. The command joins the queue before its
     * bytes leave, so the reply can never overtake it.
     */
    protected CompletableFuture<R> submit(String line, Annotation annotation, Object context)
            throws IOException {
        Pending<R> command = new Pending<>(context);
        synchronized (sendLock) {
            WireConnection c = requireConnection();
            pending.add(command);
            try {
                c.sendLine(line, annotation);
            } catch (IOException | RuntimeException e) {
                pending.remove(command);
                throw e;
            }
        }
        return command.future();
    }

    /** Sends bytes that are answered by one reply (a DATA body with its end-of-data line). */
    protected CompletableFuture<R> submitBytes(byte[] bytes, Annotation annotation, Object context)
            throws IOException {
        Pending<R> command = new Pending<>(context);
        synchronized (sendLock) {
            WireConnection c = requireConnection();
            pending.add(command);
            try {
                c.send(bytes, annotation);
            } catch (IOException e) {
                pending.remove(command);
                throw e;
            }
        }
        return command.future();
    }

    /** Sends bytes that get no reply of their own (raw mode, lines of a message typed during DATA). */
    protected void sendUnanswered(byte[] bytes, Annotation annotation) throws IOException {
        synchronized (sendLock) {
            requireConnection().send(bytes, annotation);
        }
    }

    /** Waits for a reply up to the reply timeout. On timeout the command stays queued; its reply still shows. */
    protected R await(CompletableFuture<R> future) throws IOException {
        return await(future, options.replyTimeout());
    }

    protected R await(CompletableFuture<R> future, Duration timeout) throws IOException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            transcript.note("No reply within " + Durations.human(timeout) + "; still listening.");
            throw new ReplyTimeoutException(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a reply");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    private void readLoop(WireConnection c) {
        try {
            while (true) {
                Line line = c.readLine();
                Pending<R> head = pending.peek();
                R reply = assemble(line, head);
                if (reply == null) {
                    continue;
                }
                Pending<R> command = head == null ? null : pending.poll();
                if (command == null) {
                    transcript.note("Unsolicited reply: no command was waiting for it.");
                }
                if (command != null && startsTls(command, reply)) {
                    try {
                        upgrade(c);
                    } catch (IOException e) {
                        transcript.note("TLS handshake failed: " + WireConnection.describe(e));
                        command.future().completeExceptionally(e);
                        c.close();
                        continue;
                    }
                }
                if (command != null) {
                    command.future().complete(reply);
                }
            }
        } catch (IOException e) {
            ConnectionClosedException closed = e instanceof ConnectionClosedException cce
                    ? cce : new ConnectionClosedException(WireConnection.describe(e), e);
            // The state is settled before any waiting caller wakes up, so it never sees a stale one.
            connectionEnded();
            Pending<R> command;
            while ((command = pending.poll()) != null) {
                command.future().completeExceptionally(closed);
            }
        }
    }

    private void upgrade(WireConnection c) throws IOException {
        TlsLayer.Established tls = options.tlsLayer().upgrade(c.socket(), host, port, options.connectTimeout());
        c.switchToTls(tls.socket(), tls.report());
        tlsStarted();
    }

    private WireConnection requireConnection() throws ConnectionClosedException {
        WireConnection c = connection;
        if (c == null || !c.isOpen()) {
            throw new ConnectionClosedException("not connected");
        }
        return c;
    }

    public boolean isConnected() {
        WireConnection c = connection;
        return c != null && c.isOpen();
    }

    public boolean isTls() {
        WireConnection c = connection;
        return c != null && c.isTls();
    }

    public Transcript transcript() {
        return transcript;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** Closes the connection at once, without QUIT: a Cancel button. Waiting calls fail, nothing hangs. */
    public void abort() {
        aborts.incrementAndGet(); // before looking at the connection: see open()
        WireConnection c = connection;
        if (c != null) {
            c.close();
        }
        // Closing the socket ends the reader's blocking read at once; waiting for it means the caller sees
        // the final state (and no thread is left behind) when abort returns.
        Thread r = reader;
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        abort();
    }

    /** The local end, for tests and notes. */
    protected Socket socket() {
        WireConnection c = connection;
        return c == null ? null : c.socket();
    }
}
