package dev.mailbench.server.smtp;

import dev.mailbench.sasl.SaslText;
import dev.mailbench.server.LineServerSession;
import dev.mailbench.server.Personality;
import dev.mailbench.server.ReplyChannel;
import dev.mailbench.server.ServerLimits;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.tls.ServerTls;
import dev.mailbench.tls.TlsHandshakeException;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.Durations;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.MailProtocol;
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
 * One SMTP connection on the server side: dispatches command lines through the {@link SmtpCommandTable}
 * and words the replies; reading, limits, the error budget and the transcript are the
 * {@link LineServerSession}'s. Runs on the connection's thread from greeting to close.
 *
 * <p>All replies go through {@link #send}, which passes them through the reply channel (where the injected
 * reply delay is applied) and ends the session after a {@code 421} (RFC 5321 §3.8). Syntax and sequence
 * errors count against the error budget ({@link ServerLimits#maxErrors()}); the error that exhausts it is
 * answered {@code 421 4.7.0} instead.
 */
public final class SmtpServerSession extends LineServerSession<SmtpReply>
        implements SmtpCommandContext, SmtpMessageInput, SmtpSaslExchange, SmtpTlsUpgrade {
    /** The protocol name given to the {@link dev.mailbench.server.ConnectionObserver}. */
    public static final MailProtocol PROTOCOL = MailProtocol.SMTP;
    /** RFC 5322 §3.3 date-time, always with a numeric zone. */
    static final DateTimeFormatter RFC5322_DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    private final SmtpServerContext context;
    private final SmtpCommandTable commands;
    private final Greylist greylist;
    private final Personality personality;
    private final Session session;

    SmtpServerSession(SmtpServerContext context, SmtpCommandTable commands, Greylist greylist, Socket socket) {
        super(PROTOCOL, socket, context.limits(), context.faults(), context.observer());
        this.context = context;
        this.commands = commands;
        this.greylist = greylist;
        // Read once: a personality switched at run time applies to the next connection, never mid-dialogue.
        this.personality = context.personality().get();
        this.session = new Session(socket.getInetAddress(), this::loggedInAs, this::sentMailAs);
    }

    // ---- the connection's course ----

    @Override
    protected void greet() throws IOException {
        send(reply(SmtpReplies.S220_GREETING));
    }

    @Override
    protected void refuseByFault() throws IOException {
        transcript().note("Fault injected: the server refuses new connections");
        send(reply(SmtpReplies.S421_UNAVAILABLE));
    }

    /** Answers a client beyond the connection limit with {@code 421 4.7.0}. */
    @Override
    protected void refuseOverLimit() throws IOException {
        transcript().note("Connection limit of " + context.limits().maxConnections() + " reached");
        send(reply(SmtpReplies.S421_TOO_MANY_CONNECTIONS));
    }

    /** A class's student's connection no longer counts against the student. */
    @Override
    protected void ended() {
        session.student().ifPresent(context.classPolicy()::connectionEnded);
    }

    @Override
    protected void idleTimeoutExpired() {
        // RFC 5321 §4.5.3.2.7: the server may close an idle connection; it says so with 421 first.
        transcript().note("No complete command within " + Durations.human(context.limits().idleTimeout()) + ": closing");
        trySend(reply(SmtpReplies.S421_TIMEOUT));
    }

    @Override
    protected void serverFailed() {
        // RFC 5321 §3.8 allows a server that must close to say so with 421; the other connections go on.
        trySend(reply(SmtpReplies.S421_UNAVAILABLE));
    }

    /**
     * The server is stopping: RFC 5321 §3.8, a server that must close the channel says so with 421 first, so
     * the client knows to try again later instead of taking a hang-up for a lost message. Called from the
     * thread that stops the server; the reply is written whole, between the session's own replies.
     */
    void shutDown() {
        WireConnection open = wire();
        if (open == null || !open.isOpen() || isEnding()) {
            return;
        }
        endAfterReply();
        transcript().note("The server is shutting down");
        try {
            open.send(wireBytes(reply(SmtpReplies.S421_UNAVAILABLE)), null);
        } catch (IOException | RuntimeException e) {
            logQuietFailure("the 421 of a shutdown was not delivered", e);   // the client is gone already
        }
    }

    // ---- reading ----

    /**
     * Only CRLF ends a line, in commands as in DATA: a bare LF or CR never ends a message (SMTP smuggling),
     * and one inside a command line is reported, not silently taken as a line end (RFC 5321 §2.3.8).
     */
    static WireLimits wireLimits(ServerLimits limits) {
        return new WireLimits(limits.maxLineLength(), Math.max(limits.maxLineLength(), 64 * 1024), false);
    }

    @Override
    protected WireLimits commandLineLimits() {
        return wireLimits(context.limits());
    }

    /** The line limit is the wire's ({@link #wireLimits}): a longer line is flagged over-long. */
    @Override
    protected int maxCommandLine() {
        return Integer.MAX_VALUE;
    }

    @Override
    protected boolean acceptsBareLineEndings() {
        return false;
    }


    @Override
    protected void refuseLine(LineRefusal refusal) throws IOException {
        // RFC 5321 §4.5.3.1.4: a command line is at most 512 octets; §4.2.2: 500 "line too long".
        // §2.3.8: a bare CR or LF is no line ending.
        answer(reply(refusal == LineRefusal.TOO_LONG
                ? SmtpReplies.S500_LINE_TOO_LONG : SmtpReplies.S500_BARE_LINE_ENDING));
    }

    /** Decodes an AUTH command's initial response for the transcript, masking passwords (base64 is not encryption). */
    @Override
    protected Annotation annotateCommand(Line line) {
        String text = line.text().strip();
        String auth = SmtpVerb.AUTH.keyword();
        if (session.inTransaction() || !text.regionMatches(true, 0, auth + " ", 0, auth.length() + 1)) {
            return null; // most lines, the message text among them: no AUTH, no need to split
        }
        String[] words = text.split(" +");
        if (words.length == 3 && words[0].equalsIgnoreCase(auth)) {
            return SaslText.response(words[1], 0, words[2]);
        }
        return null;
    }

    // ---- dispatching ----

    @Override
    protected void dispatch(Line line) throws IOException {
        String trimmed = line.text().stripLeading();
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
        if (SmtpReplies.isSyntaxOrSequenceError(reply) && errorBudgetSpent()) {
            transcript().note("Error budget of " + context.limits().maxErrors() + " syntax/sequence errors used up: closing");
            send(reply(SmtpReplies.S421_TOO_MANY_ERRORS));
            return;
        }
        send(reply);
    }

    // ---- for commands: SmtpCommandContext and its roles ----

    @Override
    public Session session() {
        return session;
    }

    @Override
    public SmtpServerContext context() {
        return context;
    }

    @Override
    public Personality personality() {
        return personality;
    }

    @Override
    public Greylist greylist() {
        return greylist;
    }

    @Override
    public void note(String text) {
        transcript().note(text);
    }

    @Override
    public SmtpMessageInput messageInput() {
        return this;
    }

    @Override
    public SmtpSaslExchange saslExchange() {
        return this;
    }

    @Override
    public SmtpTlsUpgrade tlsUpgrade() {
        return this;
    }

    /** A named reply in this connection's personality; {@code keyValues} are extra placeholder pairs. */
    @Override
    public SmtpReply reply(SmtpReplies reply, String... keyValues) {
        return reply.render(personality, values(keyValues));
    }

    /** The placeholders every text may use, plus the given pairs. */
    @Override
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
    @Override
    public void send(SmtpReply reply) throws IOException {
        send(reply, null);
    }

    /** As {@link #send(SmtpReply)}, with an explanation for the transcript (e.g. a decoded challenge). */
    @Override
    public void send(SmtpReply reply, Annotation annotation) throws IOException {
        sendReply(reply, annotation);
        if (reply.code() == 421) {
            endAfterReply(); // RFC 5321 §3.8: 421 announces that the server closes the channel
        }
    }

    /** How a reply goes on the wire: every line ended by CRLF, sent in one write. */
    @Override
    protected ReplyChannel<SmtpReply> wireReplies(WireConnection wire) {
        return (reply, annotation) -> wire.send(wireBytes(reply), annotation);
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
        } catch (IOException | RuntimeException e) {
            logQuietFailure("a closing reply was not delivered", e);   // the client is gone already
        }
    }

    /** The next line from the client: message text in DATA, a response in AUTH. */
    @Override
    public Line readLine() throws IOException {
        return wire().readLine();
    }

    /** The next line without recording it (bulk message text); see {@link MessageTextReader}. */
    @Override
    public Line readLineUnrecorded() throws IOException {
        return wire().readLineUnrecorded();
    }

    /** Records a line read unrecorded after all. */
    @Override
    public void recordIncoming(Line line) {
        wire().recordIncoming(line);
    }

    /** Ends the session after the current reply (QUIT). */
    @Override
    public void closeAfterReply() {
        endAfterReply();
    }

    /** Closes the connection at once, without a reply (an injected fault). */
    @Override
    public void drop(String why) {
        transcript().note(why);
        endAfterReply();
        wire().close();
    }

    /**
     * STARTTLS after the {@code 220} (RFC 3207 §4): refuses plain text the client pipelined after the command,
     * upgrades the socket, and resets the session (§4.2). A failed handshake ends the connection.
     *
     * @return true when TLS is up
     */
    @Override
    public boolean upgradeToTls() throws IOException {
        if (wire().bufferedInput() > 0) {
            // RFC 3207 §4/§6 (CVE-2011-0411): bytes sent after STARTTLS in clear would be taken as commands
            // given under TLS. They are never read; the client is told, and the connection closed.
            send(reply(SmtpReplies.S554_PLAINTEXT_AFTER_STARTTLS));
            endAfterReply();
            return false;
        }
        send(reply(SmtpReplies.S220_READY_FOR_TLS));
        Duration idle = context.limits().idleTimeout();
        Duration handshakeTimeout = idle.isZero() ? Duration.ofMinutes(1) : idle;
        SSLSocket tls;
        try {
            tls = context.tls().upgrade(wire().socket(), new byte[0], handshakeTimeout);
        } catch (TlsHandshakeException e) {
            transcript().note("TLS handshake failed: " + e.getMessage());
            endAfterReply();
            wire().close();
            return false;
        }
        wire().switchToTls(tls, ServerTls.describe(tls.getSession()));
        wire().setReadTimeout(idle);
        session.tlsStarted(tls.getSession());
        return true;
    }
}
