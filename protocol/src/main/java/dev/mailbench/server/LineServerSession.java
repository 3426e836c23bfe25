package dev.mailbench.server;

import dev.mailbench.sasl.SaslText;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.ConnectionClosedException;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.WireConnection;
import dev.mailbench.wire.WireLimits;
import java.io.IOException;
import java.net.Socket;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every line-based server connection (SMTP, POP3) does alike, from greeting to close: the connection
 * and its transcript, reading command lines under the idle timeout, refusing lines that are too long (or end
 * badly), the error budget, the "refuse connections" fault and the connection limit, the reply channel with
 * the reply-delay fault around it, and the masking of AUTH and password lines in the transcript.
 * A protocol adds only its greeting, its dispatch and its replies.
 *
 * <p>The template is {@link #serve()}: greet, then read a command line and {@link #dispatch} it until the
 * session {@link #endAfterReply() ends}, the client leaves, or the idle timeout expires. However it ends,
 * {@link #ended()} runs and the connection is closed. A fault in the server itself is noted in the
 * transcript and rethrown, for the listener to log with its trace.
 *
 * @param <R> the protocol's reply
 */
public abstract class LineServerSession<R> {
    private static final Logger LOG = LoggerFactory.getLogger(LineServerSession.class);

    /** Why a command line was not handed to {@link #dispatch}. */
    protected enum LineRefusal {
        /** Longer than the protocol allows; the whole line has been read and discarded. */
        TOO_LONG,
        /** Ended by a bare CR or LF, where the protocol asks for CRLF. */
        BARE_LINE_ENDING
    }

    private final MailProtocol protocol;
    private final Socket socket;
    private final ServerLimits limits;
    private final Faults faults;
    private final ConnectionObserver observer;
    private final Transcript transcript = new Transcript();
    private final Instant started = Instant.now();
    /** Who the client logged in and sent mail as, for the {@link EndedConnection}. */
    private final Set<String> users = new LinkedHashSet<>();
    private final Set<String> senders = new LinkedHashSet<>();
    private String remote;
    private volatile WireConnection wire;
    private ReplyChannel<R> replies;
    private volatile boolean ending;
    private int errors;
    /** The SASL mechanism and step of an AUTH exchange in progress, so responses are shown decoded and masked. */
    private String authMechanism;
    private int authStep;

    /**
     * @param protocol the protocol, as the {@link ConnectionObserver} is told it
     */
    protected LineServerSession(MailProtocol protocol, Socket socket, ServerLimits limits, Faults faults,
                                ConnectionObserver observer) {
        this.protocol = protocol;
        this.socket = socket;
        this.limits = limits;
        this.faults = faults;
        this.observer = observer;
    }

    // ---- what a protocol supplies ----------------------------------------------------------------------

    /** How commands are read: the line length to hold, and whether a bare LF ends a line. */
    protected abstract WireLimits commandLineLimits();

    /**
     * The longest command line in octets including its ending; longer ones are refused, as are those the
     * wire flags over-long ({@link #commandLineLimits()}).
     */
    protected abstract int maxCommandLine();

    /** Whether a command line may end with a bare CR or LF (it is flagged in the transcript either way). */
    protected abstract boolean acceptsBareLineEndings();


    /** How one reply goes onto the wire; {@link ReplyDelayFault} is put around it. */
    protected abstract ReplyChannel<R> wireReplies(WireConnection wire);

    /** Answers a new connection while the "refuse connections" fault is on (the session then ends). */
    protected abstract void refuseByFault() throws IOException;

    /** Answers a client beyond the connection limit (the session then ends). */
    protected abstract void refuseOverLimit() throws IOException;

    /** The greeting. */
    protected abstract void greet() throws IOException;

    /** Handles one command line. */
    protected abstract void dispatch(Line line) throws IOException;

    /** Answers a command line that was not dispatched. */
    protected abstract void refuseLine(LineRefusal refusal) throws IOException;

    /** The idle timeout expired waiting for a command: say so if the protocol does (the session then ends). */
    protected abstract void idleTimeoutExpired();

    /** An I/O failure other than the client's leaving; by default it ends the session and goes to the listener. */
    protected void connectionFailed(IOException e) throws IOException {
        throw e;
    }

    /**
     * A fault in the server ends the connection (it is noted, and logged by the listener): tell the client,
     * if it can be told.
     */
    protected void serverFailed() {
    }

    /** The session ends, however it does; runs before the connection is closed. */
    protected void ended() {
    }

    /**
     * The transcript's explanation of a command line outside an AUTH exchange (e.g. the password of a POP3
     * PASS, masked), or null.
     */
    protected Annotation annotateCommand(Line line) {
        return null;
    }

    // ---- the template ----------------------------------------------------------------------------------

    /** Serves the connection until it ends; closes it afterwards. */
    public final void serve() throws IOException {
        open();
        try {
            if (faults.refuseConnections()) {
                refuseByFault();
                return;
            }
            greet();
            while (!ending && wire.isOpen()) {
                Optional<Line> line = readCommandLine();
                if (line.isPresent()) {
                    dispatch(line.get());
                }
            }
        } catch (ReplyTimeoutException e) {
            idleTimeoutExpired();
        } catch (ConnectionClosedException e) {
            // The client went away; the transcript has noted it, and ended() deals with what it leaves behind.
        } catch (IOException e) {
            connectionFailed(e);
        } catch (RuntimeException e) {
            transcript.note("Connection ended by an error in the server: " + e);
            serverFailed();
            throw e;
        } finally {
            try {
                ended();
            } finally {
                wire.close();
                tellEnded();
            }
        }
    }

    /** Answers a client beyond the connection limit and closes. */
    public final void refuse() throws IOException {
        open();
        try {
            refuseOverLimit();
        } finally {
            wire.close();
            tellEnded();
        }
    }

    private void open() throws IOException {
        // the client as the observer and the panel name it: 127.0.0.1:50123
        remote = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        observer.opened(protocol, remote, transcript);
        WireConnection opened = WireConnection.server(socket, transcript, commandLineLimits(), false);
        opened.setIncomingAnnotator(this::annotate);
        replies = new ReplyDelayFault<>(faults, wireReplies(opened));
        wire = opened;
    }

    private void tellEnded() {
        try {
            observer.ended(new EndedConnection(protocol, remote, started, transcript, users, senders));
        } catch (RuntimeException e) {
            LOG.error("An observer of ended {} connections failed", protocol, e);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------

    /** The next command line, or empty when it was refused (and answered). */
    private Optional<Line> readCommandLine() throws IOException {
        Optional<Line> whole = nextLineWithin(maxCommandLine());
        if (whole.isEmpty() || whole.get().has(LineIssue.OVERLONG)) {
            refuseLine(LineRefusal.TOO_LONG);
            return Optional.empty();
        }
        Line line = whole.get();
        if (!acceptsBareLineEndings() && (line.has(LineIssue.BARE_LF) || line.has(LineIssue.BARE_CR))) {
            refuseLine(LineRefusal.BARE_LINE_ENDING);
            return Optional.empty();
        }
        return Optional.of(line);
    }

    /**
     * The next line if it is at most {@code maxOctets} long (ending included); else empty, the whole line
     * having been read and discarded.
     */
    protected final Optional<Line> nextLineWithin(int maxOctets) throws IOException {
        Line line = nextLine();
        boolean pieces = false;
        while (line.has(LineIssue.SPLIT)) {
            pieces = true;
            line = nextLine(); // the rest of the over-long line, discarded
        }
        if (pieces || line.rawLength() > maxOctets) {
            return Optional.empty();
        }
        return Optional.of(line);
    }

    /**
     * The next line, under the idle timeout. The timeout is for "awaiting the next command" (RFC 5321
     * §4.5.3.2.7; RFC 1939 §3: "the receipt of any command"), so it runs until the whole line is in: a client
     * trickling a byte now and then cannot hold its connection, and a slot, for ever. A line cut short by the
     * client's leaving is never used.
     */
    protected final Line nextLine() throws IOException {
        wire.setReadTimeout(limits.idleTimeout());
        wire.setLineTimeout(limits.idleTimeout());
        Line line = wire.readLine();
        if (line.has(LineIssue.UNTERMINATED)) {
            throw new ConnectionClosedException("the connection ended in the middle of a line");
        }
        return line;
    }

    // ---- replying --------------------------------------------------------------------------------------

    /** Sends a reply through the reply channel (after the injected delay, if any). */
    protected final void sendReply(R reply, Annotation annotation) throws IOException {
        replies.send(reply, annotation);
    }

    /**
     * Spends one error of the budget ({@link ServerLimits#maxErrors()}).
     *
     * @return true when this error used the budget up: answer it with the protocol's "too many errors" reply,
     *         which ends the session
     */
    protected final boolean errorBudgetSpent() {
        errors++;
        return errors >= limits.maxErrors();
    }

    /** Errors spent so far. */
    protected final int errors() {
        return errors;
    }

    /** Ends the session after the current reply. */
    protected final void endAfterReply() {
        ending = true;
    }

    protected final boolean isEnding() {
        return ending;
    }

    // ---- the transcript's view of AUTH -----------------------------------------------------------------

    /**
     * An AUTH exchange begins: the client's next lines are SASL responses, decoded (and masked) in the
     * transcript, counted from {@code firstStep} (1 when the command carried an initial response).
     */
    public final void authExchangeStarted(String mechanism, int firstStep) {
        authMechanism = mechanism;
        authStep = firstStep;
    }

    public final void authExchangeEnded() {
        authMechanism = null;
    }

    private Annotation annotate(Line line) {
        if (authMechanism != null) {
            return SaslText.response(authMechanism, authStep++, line.text().strip());
        }
        return annotateCommand(line);
    }

    // ---- who the client is -----------------------------------------------------------------------------

    /** The client logged in as {@code user} (a POP3 login, SMTP AUTH): kept with the ended connection. */
    protected final void loggedInAs(String user) {
        users.add(user);
    }

    /** The server accepted MAIL FROM with this address ("" for the null sender): kept with the ended connection. */
    protected final void sentMailAs(String address) {
        senders.add(address);
    }

    // ---- for the protocol ------------------------------------------------------------------------------

    /** The connection's transcript, the server's own view of it. */
    public final Transcript transcript() {
        return transcript;
    }

    /** The connection; null before {@link #serve()} or {@link #refuse()} opened it. */
    protected final WireConnection wire() {
        return wire;
    }

    protected final Socket socket() {
        return socket;
    }

    /** Logs a failure the session otherwise only notes in the transcript (e.g. a reply the client did not get). */
    protected final void logQuietFailure(String what, Exception e) {
        LOG.debug("{} connection from {}: {}", protocol, socket.getRemoteSocketAddress(), what, e);
    }
}
