package dev.mailbench.wire;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.Function;

/**
 * A socket seen as lines, with every byte recorded in a {@link Transcript}. Used by both sides: a client
 * writes {@link Direction#CLIENT} lines and reads {@link Direction#SERVER} ones, a server the reverse.
 *
 * <p>Writes are serialised; reads belong to one thread at a time.
 */
public final class WireConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WireConnection.class);
    private final Transcript transcript;
    private final Direction outgoing;
    private final Direction incoming;
    private final WireLimits limits;
    private final Object writeLock = new Object();
    private volatile Socket socket;
    private volatile LineReader reader;
    private volatile OutputStream out;
    private volatile boolean tls;
    private volatile boolean closed;
    private volatile Function<Line, Annotation> incomingAnnotator = line -> null;
    /** The socket read timeout as set by {@link #setReadTimeout}, in milliseconds; 0 waits forever. */
    private volatile int readTimeoutMillis;
    /** The read timeout set on {@link #socket}, -1 if not known; guarded by this connection's lock. */
    private int socketTimeout = -1;
    /** How long one whole line may take to arrive, in nanoseconds; 0 for no limit. */
    private volatile long lineTimeoutNanos;
    /** When the line being read must be complete ({@link System#nanoTime()}); read by the reading thread only. */
    private long lineDeadline;
    private boolean lineDeadlinePassed;
    /** Whether any octet has arrived yet; read by the reading thread only. */
    private boolean received;

    private WireConnection(Socket socket, Transcript transcript, Direction outgoing, WireLimits limits,
                           boolean tls) throws IOException {
        this.transcript = transcript;
        this.outgoing = outgoing;
        this.incoming = outgoing == Direction.CLIENT ? Direction.SERVER : Direction.CLIENT;
        this.limits = limits;
        attach(socket, tls);
    }

    /** Opens a plain TCP connection as a client; notes the attempt, its result and how long it took. */
    public static WireConnection connect(String host, int port, Duration connectTimeout, Transcript transcript,
                                         WireLimits limits) throws IOException {
        transcript.note("Connecting to " + host + ":" + port + " …");
        long start = System.nanoTime();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
        } catch (IOException e) {
            socket.close();
            String note = ConnectFailures.note(host, port, "", e);
            transcript.note(note);
            throw ConnectFailures.explained(note, e);
        }
        return client(socket, transcript, limits, false, start);
    }

    /** Wraps a socket a client already connected (for example an implicit-TLS one). */
    public static WireConnection client(Socket socket, Transcript transcript, WireLimits limits, boolean tls,
                                        long connectStartNanos) throws IOException {
        socket.setTcpNoDelay(true);
        long established = System.nanoTime();
        transcript.note("Connected to " + hostAndPort(socket.getInetAddress(), socket.getPort()) + " from "
                + hostAndPort(socket.getLocalAddress(), socket.getLocalPort())
                + " in " + Durations.human(Duration.ofNanos(established - connectStartNanos))
                + (tls ? ", TLS handshake included" : ""));
        transcript.connectionEstablished(established);
        return new WireConnection(socket, transcript, Direction.CLIENT, limits, tls);
    }

    /** {@code 127.0.0.1:2525}, {@code [::1]:2525}: an address as a user types it, not as {@code InetAddress} prints it. */
    private static String hostAndPort(InetAddress address, int port) {
        String host = address.getHostAddress();
        return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
    }

    /** Wraps a socket a server accepted. */
    public static WireConnection server(Socket socket, Transcript transcript, WireLimits limits, boolean tls)
            throws IOException {
        socket.setTcpNoDelay(true);
        transcript.note("Connection from " + socket.getRemoteSocketAddress() + " to " + socket.getLocalSocketAddress());
        return new WireConnection(socket, transcript, Direction.SERVER, limits, tls);
    }

    private void attach(Socket newSocket, boolean isTls) throws IOException {
        InputStream in = new DeadlineInputStream(newSocket, newSocket.getInputStream());
        this.socket = newSocket;
        this.socketTimeout = -1;
        this.reader = new LineReader(in, limits);
        this.out = new BufferedOutputStream(newSocket.getOutputStream(), 16 * 1024);
        this.tls = isTls;
    }

    /**
     * Sends one line, adding CRLF. A CR or LF inside the line is refused (RFC 5321 §2.3.8: they may appear
     * only together, as the line ending), so that no argument can smuggle a second command.
     */
    public void sendLine(String line, Annotation annotation) throws IOException {
        if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a line may not contain CR or LF: " + Printable.of(line.getBytes(StandardCharsets.UTF_8)));
        }
        send((line + "\r\n").getBytes(StandardCharsets.UTF_8), annotation);
    }

    public void sendLine(String line) throws IOException {
        sendLine(line, null);
    }

    /**
     * Sends bytes exactly as given (raw mode, DATA bodies) and records them line by line; a trailing piece
     * without a line ending is recorded as it is.
     */
    public void send(byte[] bytes, Annotation annotation) throws IOException {
        synchronized (writeLock) {
            ensureOpen();
            // Recorded before writing: a fast peer's answer must never appear above the line that caused it.
            recordOutgoing(bytes, annotation);
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                lost(e);
                throw new ConnectionClosedException("connection lost while sending: " + describe(e), e);
            }
        }
    }

    /**
     * Sends bytes without recording them: for bulk content such as a large message body, whose every line
     * would make a transcript as big as the message. The caller notes in the transcript what was sent
     * unrecorded, so the record stays honest about what it leaves out.
     */
    public void sendUnrecorded(byte[] bytes, int offset, int length) throws IOException {
        synchronized (writeLock) {
            ensureOpen();
            try {
                out.write(bytes, offset, length);
                out.flush();
            } catch (IOException e) {
                lost(e);
                throw new ConnectionClosedException("connection lost while sending: " + describe(e), e);
            }
        }
    }

    /**
     * The limits the lines this end sends are recorded with: at least the 1000 octets of a text line (RFC 5321
     * §4.5.3.1.6), since a client reading replies at 512 (§4.5.3.1.5) still sends message text up to 1000. The
     * shorter limits of command lines are the dialogue readers' to flag, as only they tell a command from text.
     */
    private WireLimits outgoingLimits() {
        int text = WireLimits.RFC.maxLineLength();
        return limits.maxLineLength() >= text ? limits : limits.withMaxLineLength(text);
    }

    private void recordOutgoing(byte[] bytes, Annotation annotation) throws IOException {
        LineReader splitter = new LineReader(new ByteArrayInputStream(bytes), outgoingLimits(), bytes.length);
        Line line;
        boolean first = true;
        while ((line = splitter.readLine()) != null) {
            Set<LineIssue> issues = line.issues();
            if (issues.contains(LineIssue.UNTERMINATED)) {
                // A piece without terminator was sent deliberately (raw mode): not "unterminated by a closed
                // connection".
                issues = EnumSet.copyOf(issues);
                issues.remove(LineIssue.UNTERMINATED);
            }
            transcript.record(outgoing, line.raw(), tls, issues, first ? annotation : null);
            first = false;
        }
    }

    /**
     * Reads the next line and records it. Throws {@link ConnectionClosedException} at end of stream and
     * {@link ReplyTimeoutException} when the socket's read timeout expires (the connection stays usable).
     */
    public Line readLine() throws IOException {
        return readLine(true);
    }

    /**
     * Reads the next line like {@link #readLine()} without recording it: for bulk content such as a large
     * message received after DATA, whose every line would make a transcript as big as the message. The
     * caller records what matters ({@link #recordIncoming}) and notes what it leaves out.
     */
    public Line readLineUnrecorded() throws IOException {
        return readLine(false);
    }

    /** Records a line read with {@link #readLineUnrecorded()} after all, in its place in the transcript. */
    public void recordIncoming(Line line) {
        transcript.record(incoming, line.raw(), tls, line.issues(), incomingAnnotator.apply(line));
    }

    private Line readLine(boolean record) throws IOException {
        Line line;
        long lineTimeout = lineTimeoutNanos;
        lineDeadline = lineTimeout == 0 ? 0 : System.nanoTime() + lineTimeout;
        lineDeadlinePassed = false;
        try {
            line = reader.readLine();
        } catch (WrongTlsModeException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            Duration timeout = lineDeadlinePassed ? Duration.ofNanos(lineTimeout) : Duration.ofMillis(readTimeoutMillis);
            throw new ReplyTimeoutException(timeout);
        } catch (IOException e) {
            if (closed) {
                throw new ConnectionClosedException("connection closed", e);
            }
            lost(e);
            throw new ConnectionClosedException("connection lost: " + describe(e), e);
        } finally {
            if (lineDeadline != 0) {
                lineDeadline = 0;
                restoreReadTimeout();
            }
        }
        if (line == null) {
            peerClosed();
            throw new ConnectionClosedException("connection closed by the " + incoming.name().toLowerCase(Locale.ROOT));
        }
        if (record) {
            recordIncoming(line);
        }
        if (line.has(LineIssue.UNTERMINATED)) {
            peerClosed();
        }
        return line;
    }

    /**
     * Lets the session that knows the context explain incoming lines as they are recorded, for example
     * decoding a {@code 334} challenge during AUTH.
     */
    public void setIncomingAnnotator(Function<Line, Annotation> annotator) {
        this.incomingAnnotator = annotator;
    }

    /** Sets how long {@link #readLine()} waits for the next bytes; zero waits forever. */
    public void setReadTimeout(Duration timeout) throws SocketException {
        readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        applySocketTimeout(socket, readTimeoutMillis);
    }

    /**
     * Sets how long one {@link #readLine()} may take in all, however the bytes trickle in; zero (the default)
     * sets no such limit. A server uses it so that a client sending a byte now and then, each just inside the
     * read timeout, cannot hold a connection for ever. When it passes, {@link ReplyTimeoutException} reports it
     * and the bytes of the unfinished line are kept, as for the read timeout.
     */
    public void setLineTimeout(Duration timeout) {
        lineTimeoutNanos = timeout.isNegative() ? 0 : timeout.toNanos();
    }

    /**
     * Continues the connection over a TLS socket layered on the current one (STARTTLS, RFC 3207; STLS,
     * RFC 2595), and notes the handshake's outcome. Bytes the peer sent after the command's reply and before
     * the handshake are returned so the caller can report them: RFC 3207 §4.2 lets nothing from before the
     * handshake be trusted, so they are discarded, never read as protocol.
     */
    public byte[] switchToTls(Socket tlsSocket, String note) throws IOException {
        byte[] stray = reader.drainBuffered();
        if (stray.length > 0) {
            transcript.note("Discarded " + stray.length + " bytes the " + incoming.name().toLowerCase(Locale.ROOT)
                    + " sent before the TLS handshake: " + Printable.of(stray));
        }
        attach(tlsSocket, true);
        transcript.note(note);
        return stray;
    }

    /** Bytes received but not yet read as lines. A server checks this after STARTTLS (RFC 3207 §5). */
    public int bufferedInput() {
        return reader.buffered();
    }

    public Socket socket() {
        return socket;
    }

    public boolean isTls() {
        return tls;
    }

    public boolean isOpen() {
        return !closed;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** Closes the connection from this side and notes it; closing twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly();
        transcript.note("Connection closed by the " + outgoing.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Sets a socket's read timeout. Setting it is a system call, and a line deadline would otherwise set it twice
     * for each line received: for the socket in use, it is set only when it changes.
     */
    private synchronized void applySocketTimeout(Socket target, int millis) throws SocketException {
        if (target != socket || millis != socketTimeout) {
            target.setSoTimeout(millis);
            if (target == socket) {
                socketTimeout = millis;
            }
        }
    }

    /** Puts back the read timeout a line deadline shortened, so that other reads (a TLS handshake) get it. */
    private void restoreReadTimeout() {
        try {
            if (!socket.isClosed()) {
                applySocketTimeout(socket, readTimeoutMillis);
            }
        } catch (SocketException e) {
            // the socket is going away; nothing will read from it again
            LOG.debug("Cannot restore the read timeout of a closing socket", e);
        }
    }

    private void peerClosed() {
        if (!closed) {
            closed = true;
            closeQuietly();
            transcript.note("Connection closed by the " + incoming.name().toLowerCase(Locale.ROOT));
        }
    }

    private void lost(IOException e) {
        if (!closed) {
            closed = true;
            closeQuietly();
            transcript.note("Connection lost: " + describe(e));
        }
    }

    private void ensureOpen() throws ConnectionClosedException {
        if (closed) {
            throw new ConnectionClosedException("the connection is closed");
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to do: the socket is gone either way
            LOG.debug("Closing the socket failed", e);
        }
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * The socket's input, with each read's timeout shortened to what is left of the current line's deadline
     * (see {@link #setLineTimeout}).
     */
    private final class DeadlineInputStream extends FilterInputStream {
        private final Socket owner;

        DeadlineInputStream(Socket owner, InputStream in) {
            super(in);
            this.owner = owner;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = readWithinDeadline(b, off, len);
            if (!received && n > 0) {
                received = true;
                firstOctets(b, off, n);
            }
            return n;
        }

        /**
         * A client connected in plain text whose first octets are a TLS record (a ServerHello, an alert) talks to
         * a port that speaks TLS from the start: waiting for a greeting would only end in a timeout. The octets
         * are recorded as they came, the note says which mode to choose, and the connection ends.
         */
        private void firstOctets(byte[] b, int off, int n) throws IOException {
            if (outgoing != Direction.CLIENT || tls || !TlsModeHints.looksLikeTlsRecord(b, off, n)) {
                return;
            }
            transcript.record(incoming, Arrays.copyOfRange(b, off, off + n), false,
                    EnumSet.of(LineIssue.UNTERMINATED), null);
            transcript.note(TlsModeHints.TLS_FROM_START + ".");
            WireConnection.this.close();
            throw new WrongTlsModeException(TlsModeHints.TLS_FROM_START);
        }

        private int readWithinDeadline(byte[] b, int off, int len) throws IOException {
            long deadline = lineDeadline;
            if (deadline == 0) {
                return super.read(b, off, len);
            }
            long remainingMillis = Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
            if (remainingMillis == 0) {
                lineDeadlinePassed = true;
                throw new SocketTimeoutException("line not complete within its time");
            }
            int configured = readTimeoutMillis;
            boolean deadlineFirst = configured == 0 || remainingMillis < configured;
            applySocketTimeout(owner, deadlineFirst ? (int) Math.min(Integer.MAX_VALUE, remainingMillis) : configured);
            try {
                return super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                lineDeadlinePassed = deadlineFirst;
                throw e;
            }
        }
    }
}
