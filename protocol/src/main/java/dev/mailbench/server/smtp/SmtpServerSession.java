package dev.mailbench.server.smtp;

import dev.mailbench.sasl.SaslText;
import dev.mailbench.server.Personality;
import dev.mailbench.server.ServerLimits;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.tls.ServerTls;
import dev.mailbench.tls.TlsHandshakeException;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.ConnectionClosedException;
import dev.mailbench.wire.Durations;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineEnding;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.WireConnection;
import dev.mailbench.wire.WireLimits;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP connection on the server side: reads command lines, dispatches them through the
 * {@link SmtpCommandTable}, and sends the replies, recording every byte in the connection's own
 * {@link Transcript}. Runs on the connection's thread from greeting to close.
 *
 * <p>All replies go through {@link #send}, the one place where the injected reply delay is applied and a
 * {@code 421} ends the session (RFC 5321 §3.8). Syntax and sequence errors count against the error budget
 * ({@link ServerLimits#maxErrors()}); the error that exhausts it is answered {@code 421 4.7.0} instead.
 */
public final class SmtpServerSession {
    /** RFC 5322 §3.3 date-time, always with a numeric zone. */
    static final DateTimeFormatter RFC5322_DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final SmtpServerContext context;
    private final SmtpCommandTable commands;
    private final Greylist greylist;
    private final Socket socket;
    private final Personality personality;
    private final Session session;
    private final Transcript transcript = new Transcript();
    private volatile WireConnection connection;
    private volatile boolean closing;
    /** The SASL mechanism of an AUTH exchange in progress, so its responses are shown decoded (and masked). */
    private String authMechanism;
    private int authStep;

    SmtpServerSession(SmtpServerContext context, SmtpCommandTable commands, Greylist greylist, Socket socket) {
        this.context = context;
        this.commands = commands;
        this.greylist = greylist;
        this.socket = socket;
        // Read once: a personality switched at run time applies to the next connection, never mid-dialogue.
        this.personality = context.personality().get();
        this.session = new Session(socket.getInetAddress());
    }

    /** Serves the connection until QUIT, a 421, the idle timeout or the client's leaving. */
    void run() throws IOException {
        open();
        try {
            if (context.faults().refuseConnections()) {
                transcript.note("Fault injected: the server refuses new connections");
                send(reply(SmtpReplies.S421_UNAVAILABLE));
                return;
            }
            send(reply(SmtpReplies.S220_GREETING));
            while (!closing && connection.isOpen()) {
                Optional<String> command = readCommandLine();
                if (command.isPresent()) {
                    dispatch(command.get());
                }
            }
        } catch (ReplyTimeoutException e) {
            // RFC 5321 §4.5.3.2.7: the server may close an idle connection; it says so with 421 first.
            transcript.note("No complete command within " + Durations.human(context.limits().idleTimeout()) + ": closing");
            trySend(reply(SmtpReplies.S421_TIMEOUT));
        } catch (ConnectionClosedException e) {
            // The client went away; the transcript has noted it, and an open delivery was aborted on the way.
        } catch (RuntimeException e) {
            // A fault in the server itself: said in the transcript, and to the client with 421 as RFC 5321 §3.8
            // allows a server that must close; the other connections go on.
            transcript.note("Connection ended by an error in the server: " + e);
            trySend(reply(SmtpReplies.S421_UNAVAILABLE));
            throw e;
        } finally {
            connection.close();
        }
    }

    /**
     * The server is stopping: RFC 5321 §3.8, a server that must close the channel says so with 421 first, so
     * the client knows to try again later instead of taking a hang-up for a lost message. Called from the
     * thread that stops the server; the reply is written whole, between the session's own replies.
     */
    void shutDown() {
        WireConnection open = connection;
        if (open == null || !open.isOpen() || closing) {
            return;
        }
        closing = true;
        transcript.note("The server is shutting down");
        try {
            open.send(wireBytes(reply(SmtpReplies.S421_UNAVAILABLE)), null);
        } catch (IOException | RuntimeException e) {
            // the client is gone already
        }
    }

    /** Answers a client beyond the connection limit with {@code 421 4.7.0} and closes. */
    void refuse() throws IOException {
        open();
        try {
            transcript.note("Connection limit of " + context.limits().maxConnections() + " reached");
            send(reply(SmtpReplies.S421_TOO_MANY_CONNECTIONS));
        } finally {
            connection.close();
        }
    }

    private void open() throws IOException {
        context.observer().opened(MailProtocol.SMTP, socket.getInetAddress().getHostAddress() + ":" + socket.getPort(), transcript);
        connection = WireConnection.server(socket, transcript, wireLimits(context.limits()), false);
        connection.setReadTimeout(context.limits().idleTimeout());
        // RFC 5321 §4.5.3.2.7: the timeout is for "awaiting the next command", so it runs until the whole line
        // is in; a client trickling a byte now and then cannot hold its connection (and a slot) for ever.
        connection.setLineTimeout(context.limits().idleTimeout());
        connection.setIncomingAnnotator(this::annotateIncoming);
    }

    /** Decodes AUTH responses for the transcript, masking passwords (base64 is not encryption). */
    private Annotation annotateIncoming(Line line) {
        String text = line.text().strip();
        if (authMechanism != null) {
            return SaslText.response(authMechanism, authStep++, text);
        }
        if (session.inTransaction() || !text.regionMatches(true, 0, "AUTH ", 0, 5)) {
            return null; // most lines, the message text among them: no AUTH, no need to split
        }
        String[] words = text.split(" +");
        if (words.length == 3 && words[0].equalsIgnoreCase("AUTH")) {
            return SaslText.response(words[1], 0, words[2]);
        }
        return null;
    }

    /** An AUTH exchange starts; {@code responsesSoFar} is 1 when the command carried an initial response. */
    void beginAuthExchange(String mechanism, int responsesSoFar) {
        authMechanism = mechanism;
        authStep = responsesSoFar;
    }

    void endAuthExchange() {
        authMechanism = null;
    }

    /**
     * Only CRLF ends a line, in commands as in DATA: a bare LF or CR never ends a message (SMTP smuggling),
     * and one inside a command line is reported, not silently taken as a line end (RFC 5321 §2.3.8).
     */
    static WireLimits wireLimits(ServerLimits limits) {
        return new WireLimits(limits.maxLineLength(), Math.max(limits.maxLineLength(), 64 * 1024), false);
    }

    private Optional<String> readCommandLine() throws IOException {
        Line line = connection.readLine();
        if (line.has(LineIssue.UNTERMINATED)) {
            // The client closed in the middle of a line: a partial command is never executed.
            closing = true;
            return Optional.empty();
        }
        if (line.has(LineIssue.OVERLONG) || line.has(LineIssue.SPLIT)) {
            while (line.ending() == LineEnding.NONE && line.has(LineIssue.SPLIT)) {
                line = connection.readLine(); // the rest of the over-long line, discarded
            }
            // RFC 5321 §4.5.3.1.4: a command line is at most 512 octets; §4.2.2: 500 "line too long".
            answer(reply(SmtpReplies.S500_LINE_TOO_LONG));
            return Optional.empty();
        }
        if (line.has(LineIssue.BARE_LF) || line.has(LineIssue.BARE_CR)) {
            answer(reply(SmtpReplies.S500_BARE_LINE_ENDING));
            return Optional.empty();
        }
        return Optional.of(line.text());
    }

    private void dispatch(String commandLine) throws IOException {
        String trimmed = commandLine.stripLeading();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end)) && trimmed.charAt(end) != ':') {
            end++;
        }
        String verb = SmtpVerb.firstWord(trimmed);
        String argument = trimmed.substring(end).strip();
        Optional<SmtpCommand> command = commands.command(verb);
        if (command.isEmpty()) {
            answer(reply(commands.isKnownButNotImplemented(verb)
                    ? SmtpReplies.S502_NOT_IMPLEMENTED : SmtpReplies.S500_UNKNOWN_COMMAND));
            return;
        }
        SmtpReply reply = command.get().execute(this, argument);
        if (reply != null) {
            answer(reply);
        }
    }

    /** Sends a command's final reply, charging syntax and sequence errors to the error budget. */
    private void answer(SmtpReply reply) throws IOException {
        if (SmtpReplies.isSyntaxOrSequenceError(reply) && session.error() >= context.limits().maxErrors()) {
            transcript.note("Error budget of " + context.limits().maxErrors() + " syntax/sequence errors used up: closing");
            send(reply(SmtpReplies.S421_TOO_MANY_ERRORS));
            return;
        }
        send(reply);
    }

    // ---- for commands ----

    public Session session() {
        return session;
    }

    public SmtpServerContext context() {
        return context;
    }

    public Personality personality() {
        return personality;
    }

    public Transcript transcript() {
        return transcript;
    }

    Greylist greylist() {
        return greylist;
    }

    WireConnection connection() {
        return connection;
    }

    /** A named reply in this connection's personality; {@code keyValues} are extra placeholder pairs. */
    public SmtpReply reply(SmtpReplies reply, String... keyValues) {
        return reply.render(personality, values(keyValues));
    }

    /** The placeholders every text may use, plus the given pairs. */
    public Map<String, String> values(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("placeholder values come in key/value pairs");
        }
        Map<String, String> values = new HashMap<>();
        values.put("host", context.hostName());
        values.put("date", RFC5322_DATE.format(ZonedDateTime.now()));
        values.put("client", session.clientAddress().getHostAddress());
        values.put("helo", session.heloName().orElse(""));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    /** Sends a reply (after the injected delay, if any). A 421 closes the session after it. */
    public void send(SmtpReply reply) throws IOException {
        send(reply, null);
    }

    /** As {@link #send(SmtpReply)}, with an explanation for the transcript (e.g. a decoded challenge). */
    public void send(SmtpReply reply, Annotation annotation) throws IOException {
        Duration delay = context.faults().replyDelay();
        if (!delay.isZero() && !delay.isNegative()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while delaying a reply");
            }
        }
        connection.send(wireBytes(reply), annotation);
        if (reply.code() == 421) {
            closing = true; // RFC 5321 §3.8: 421 announces that the server closes the channel
        }
    }

    /** A reply as it goes on the wire: every line ended by CRLF, sent in one write. */
    private static byte[] wireBytes(SmtpReply reply) {
        StringBuilder wire = new StringBuilder();
        for (String line : reply.wireLines()) {
            wire.append(line).append("\r\n");
        }
        return wire.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void trySend(SmtpReply reply) {
        try {
            send(reply);
        } catch (IOException | RuntimeException ignored) {
            // the client is gone already; nothing to tell
        }
    }

    /** The next line from the client: message text in DATA, a response in AUTH. */
    public Line readLine() throws IOException {
        return connection.readLine();
    }

    /** The next line without recording it (bulk message text); see {@link MessageTextReader}. */
    Line readLineUnrecorded() throws IOException {
        return connection.readLineUnrecorded();
    }

    /** Records a line read unrecorded after all. */
    void recordIncoming(Line line) {
        connection.recordIncoming(line);
    }

    /** Ends the session after the current reply (QUIT). */
    void closeAfterReply() {
        closing = true;
    }

    /** Closes the connection at once, without a reply (an injected fault). */
    void drop(String why) {
        transcript.note(why);
        closing = true;
        connection.close();
    }

    /**
     * STARTTLS after the {@code 220} (RFC 3207 §4): refuses plain text the client pipelined after the command,
     * upgrades the socket, and resets the session (§4.2). A failed handshake ends the connection.
     *
     * @return true when TLS is up
     */
    boolean upgradeToTls() throws IOException {
        if (connection.bufferedInput() > 0) {
            // RFC 3207 §4/§6 (CVE-2011-0411): bytes sent after STARTTLS in clear would be taken as commands
            // given under TLS. They are never read; the client is told, and the connection closed.
            send(reply(SmtpReplies.S554_PLAINTEXT_AFTER_STARTTLS));
            closing = true;
            return false;
        }
        send(reply(SmtpReplies.S220_READY_FOR_TLS));
        Duration idle = context.limits().idleTimeout();
        Duration handshakeTimeout = idle.isZero() ? Duration.ofMinutes(1) : idle;
        SSLSocket tls;
        try {
            tls = context.tls().upgrade(connection.socket(), new byte[0], handshakeTimeout);
        } catch (TlsHandshakeException e) {
            transcript.note("TLS handshake failed: " + e.getMessage());
            closing = true;
            connection.close();
            return false;
        }
        connection.switchToTls(tls, ServerTls.describe(tls.getSession()));
        connection.setReadTimeout(idle);
        session.tlsStarted(tls.getSession());
        return true;
    }
}
