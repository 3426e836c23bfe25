package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.server.Personality;
import dev.mailbench.store.DeletionReport;
import dev.mailbench.store.MailboxSession;
import dev.mailbench.store.MailboxSummary;
import dev.mailbench.tls.ServerTls;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.ConnectionClosedException;
import dev.mailbench.wire.Durations;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.LineIssue;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.WireConnection;
import dev.mailbench.wire.WireLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/**
 * One POP3 connection to the practice server, from greeting to close: reads command lines, hands each to
 * the handler the {@link Pop3CommandTable} names if it is valid in the current state (RFC 1939 §3), and
 * keeps what the connection knows: the state, the APOP timestamp, the user named by USER, the open
 * mailbox, and the budgets for failed logins and errors.
 *
 * <p>However the connection ends — QUIT, a dropped connection, the autologout timer, a spent budget, the
 * server stopping — the mailbox lock is released, and only QUIT in the TRANSACTION state deletes anything
 * (RFC 1939 §6).
 */
public final class Pop3ServerSession {
    /** The protocol name given to the {@link dev.mailbench.server.ConnectionObserver}. */
    public static final MailProtocol PROTOCOL = MailProtocol.POP3;
    /** RFC 2449 §4: a command line is at most 255 octets, CRLF included. */
    static final int MAX_COMMAND_LINE = 255;
    /** How much of a RETR or TOP body the transcript records in full. */
    static final long RECORDED_BODY_OCTETS = 64 * 1024;
    /**
     * Commands end at a bare LF too (flagged in the transcript): RFC 1939 §3 asks for CRLF, but people type
     * at this server with tools that send LF alone, and a POP3 client sends no message text in which a line
     * end could be smuggled. A line longer than this is read in pieces and refused.
     */
    private static final WireLimits COMMAND_LINES = new WireLimits(1000, 8 * 1024, true);

    private final Pop3ServerContext context;
    private final Pop3CommandTable commands;
    private final LoginPolicy loginPolicy;
    private final Socket socket;
    private final Transcript transcript = new Transcript();
    private final Personality personality;
    private WireConnection wire;
    private ReplyChannel replies;
    private Pop3Phase phase = Pop3Phase.AUTHORIZATION;
    private String apopTimestamp;
    private String userGivenLast;
    private String userGivenNow;
    private MailboxSession mailbox;
    private int failedLogins;
    private int errors;
    private boolean ending;
    private AuthProgress authProgress;

    Pop3ServerSession(Pop3ServerContext context, Pop3CommandTable commands, LoginPolicy loginPolicy, Socket socket) {
        this.context = context;
        this.commands = commands;
        this.loginPolicy = loginPolicy;
        this.socket = socket;
        this.personality = context.personality().get();
    }

    /** Serves the connection until it ends; the caller closes the socket. */
    void serve() throws IOException {
        open();
        try {
            if (context.faults().refuseConnections()) {
                reply(Pop3ServerReply.SERVICE_UNAVAILABLE);
                return;
            }
            apopTimestamp = Timestamps.next(context.hostName());
            reply(Pop3ServerReply.GREETING, "timestamp", apopTimestamp);
            while (!ending) {
                Optional<Line> line = readCommandLine();
                if (line.isPresent()) {
                    dispatch(line.get());
                }
            }
        } catch (ReplyTimeoutException e) {
            transcript.note("No complete command within " + Durations.human(context.limits().idleTimeout())
                    + ": the autologout timer expired (RFC 1939 §3)");
            sendQuietly(Pop3ServerReply.AUTOLOGOUT);
        } catch (ConnectionClosedException e) {
            // The client went away; what it leaves behind is dealt with below.
        } catch (IOException e) {
            transcript.note("Connection ended: " + e.getMessage());
        } catch (RuntimeException e) {
            transcript.note("Connection ended by an error in the server: " + e);
            throw e;
        } finally {
            release();
            wire.close();
        }
    }

    /** Tells a client over the connection limit to come back later, and closes. */
    void refuse() throws IOException {
        open();
        try {
            reply(Pop3ServerReply.TOO_MANY_CONNECTIONS);
        } finally {
            wire.close();
        }
    }

    private void open() throws IOException {
        wire = WireConnection.server(socket, transcript, COMMAND_LINES, false);
        wire.setIncomingAnnotator(this::annotate);
        replies = new ReplyDelayFault(context.faults(), wire::sendLine);
        context.observer().opened(PROTOCOL, String.valueOf(socket.getRemoteSocketAddress()), transcript);
    }

    private void release() {
        if (mailbox != null && mailbox.isOpen()) {
            mailbox.close();
            transcript.note("Mailbox of " + mailbox.user() + " released without QUIT: messages marked for "
                    + "deletion are kept (RFC 1939 §6)");
        }
        mailbox = null;
    }

    // --- reading -----------------------------------------------------------------------------------------

    /** The next command line, or empty when it was too long and has been answered. */
    private Optional<Line> readCommandLine() throws IOException {
        Line line = readLine();
        boolean pieces = false;
        while (line.has(LineIssue.SPLIT)) {
            pieces = true;
            line = readLine();
        }
        if (pieces || line.rawLength() > MAX_COMMAND_LINE) {
            userGivenNow = null; // not a command, but not nothing either: PASS no longer follows USER
            error(Pop3ServerReply.LINE_TOO_LONG);
            return Optional.empty();
        }
        return Optional.of(line);
    }

    private Line readLine() throws IOException {
        wire.setReadTimeout(context.limits().idleTimeout());
        // RFC 1939 §3: "the receipt of any command ... should suffice to reset the autologout timer" — a
        // command, not a byte: a client trickling a byte now and then is logged out like a silent one.
        wire.setLineTimeout(context.limits().idleTimeout());
        Line line = wire.readLine();
        if (line.has(LineIssue.UNTERMINATED)) {
            throw new ConnectionClosedException("the connection ended in the middle of a line");
        }
        return line;
    }

    /**
     * A client response during AUTH. It is not a command, so the 255-octet limit of RFC 2449 §4 does not
     * apply, only the server's general line limit. Empty when it was too long and has been answered.
     */
    Optional<Line> readAuthResponse() throws IOException {
        Line line = readLine();
        boolean pieces = false;
        while (line.has(LineIssue.SPLIT)) {
            pieces = true;
            line = readLine();
        }
        if (pieces || line.rawLength() > context.limits().maxLineLength()) {
            error(Pop3ServerReply.LINE_TOO_LONG);
            return Optional.empty();
        }
        return Optional.of(line);
    }

    // --- dispatching -------------------------------------------------------------------------------------

    private void dispatch(Line raw) throws IOException {
        Pop3CommandLine line = Pop3CommandLine.parse(raw.text());
        // RFC 1939 §7: PASS must come right after USER; any other command in between forgets the name.
        userGivenLast = userGivenNow;
        userGivenNow = null;
        Optional<Pop3Command> command = commands.lookup(line.keyword());
        if (command.isEmpty()) {
            error(Pop3ServerReply.UNKNOWN_COMMAND, "verb", line.keyword().isEmpty() ? "(empty line)" : shown(line.keyword()));
        } else if (!command.get().validIn().contains(phase)) {
            error(Pop3ServerReply.WRONG_STATE, "verb", line.keyword(), "state", phase.name());
        } else {
            command.get().execute(this, line);
        }
    }

    // --- replying ----------------------------------------------------------------------------------------

    /** Sends a reply; {@code keysAndValues} fill its placeholders ({@code "number", "3", …}). */
    void reply(Pop3ServerReply reply, String... keysAndValues) throws IOException {
        replies.send(reply.line(personality, values(keysAndValues)), null);
    }

    /**
     * Answers a protocol error (unknown command, wrong state, bad arguments, line too long). Each one spends
     * the error budget; the last one allowed is answered with {@link Pop3ServerReply#TOO_MANY_ERRORS} and the
     * connection is closed.
     */
    void error(Pop3ServerReply reply, String... keysAndValues) throws IOException {
        errors++;
        if (errors >= context.limits().maxErrors()) {
            transcript.note(errors + " errors in this connection: the error budget is spent, closing");
            reply(Pop3ServerReply.TOO_MANY_ERRORS);
            end();
            return;
        }
        reply(reply, keysAndValues);
    }

    /** A positive reply followed by text lines and the terminating "." (LIST, UIDL, CAPA). */
    void replyWithLines(Pop3ServerReply reply, List<String> lines, String... keysAndValues) throws IOException {
        reply(reply, keysAndValues);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String line : lines) {
            if (line.startsWith(".")) {
                body.write('.'); // RFC 1939 §3
            }
            body.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(new byte[] {'.', '\r', '\n'});
        wire.send(body.toByteArray(), null);
    }

    /** A positive reply followed by a whole stored message (RETR), streamed. */
    void replyWithMessage(Pop3ServerReply reply, InputStream message, String... keysAndValues) throws IOException {
        reply(reply, keysAndValues);
        new MessageBodyWriter(wire, RECORDED_BODY_OCTETS).writeMessage(message);
    }

    /** A positive reply followed by a message's header and first body lines (TOP), streamed. */
    void replyWithTop(Pop3ServerReply reply, InputStream message, int bodyLines, String... keysAndValues)
            throws IOException {
        reply(reply, keysAndValues);
        new MessageBodyWriter(wire, RECORDED_BODY_OCTETS).writeTop(message, bodyLines);
    }

    /** A SASL challenge, {@code + base64} (RFC 5034 §4), annotated with its decoded text. */
    void challenge(byte[] challenge) throws IOException {
        String base64 = challenge.length == 0 ? "" : SaslText.encode(challenge);
        replies.send(Pop3ServerReply.AUTH_CHALLENGE.line(personality, Map.of("challenge", base64)),
                SaslText.challenge(base64.isEmpty() ? "=" : base64));
    }

    private void sendQuietly(Pop3ServerReply reply) {
        try {
            reply(reply);
        } catch (IOException e) {
            // the connection is going anyway
        }
    }

    private Map<String, String> values(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, String> values = new HashMap<>();
        values.put("host", context.hostName());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    /** What a client typed, safe to put in a reply line: printable ASCII, at most 40 characters. */
    static String shown(String typed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < typed.length() && out.length() < 40; i++) {
            char c = typed.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }

    // --- logging in and out ------------------------------------------------------------------------------

    /** USER was accepted: PASS may follow as the very next command. */
    void userGiven(String name) {
        userGivenNow = name;
    }

    /** The name USER gave in the command just before this one, if it was USER. */
    Optional<String> userGivenJustBefore() {
        return Optional.ofNullable(userGivenLast);
    }

    /**
     * Decides a login through the login policy. Success opens the TRANSACTION state and records the client
     * for SMTP after POP; a refusal for wrong credentials spends the failed-login budget, and the last one
     * allowed closes the connection.
     */
    void logIn(LoginAttempt attempt) throws IOException {
        LoginOutcome outcome = loginPolicy.attempt(attempt);
        if (outcome.succeeded()) {
            mailbox = outcome.mailbox();
            phase = Pop3Phase.TRANSACTION;
            context.popLogins().loggedIn(socket.getInetAddress());
            transcript.note("Logged in as " + outcome.mailboxName() + " with " + attempt.method()
                    + "; the mailbox is locked for this session");
            MailboxSummary summary = mailbox.summary();
            reply(Pop3ServerReply.LOGGED_IN, "user", outcome.mailboxName(),
                    "count", String.valueOf(summary.messageCount()), "octets", String.valueOf(summary.totalOctets()));
            return;
        }
        if (outcome.wrongCredentials()) {
            failedLogins++;
            if (failedLogins >= context.limits().maxFailedAuth()) {
                transcript.note(failedLogins + " failed logins in this connection: closing");
                reply(Pop3ServerReply.TOO_MANY_AUTH_FAILURES);
                end();
                return;
            }
        }
        reply(outcome.refusal(), "user", shown(attempt.loginName()),
                "mechanism", attempt.method().replaceFirst("^AUTH ", ""));
    }

    /**
     * QUIT (RFC 1939 §6): in the TRANSACTION state, the UPDATE state removes the messages marked deleted
     * and releases the mailbox before the reply; in AUTHORIZATION nothing happens but the goodbye.
     */
    void quit() throws IOException {
        ending = true;
        if (phase != Pop3Phase.TRANSACTION) {
            reply(Pop3ServerReply.LOGOUT, "deleted", "0");
            return;
        }
        phase = Pop3Phase.UPDATE;
        MailboxSession held = mailbox;
        mailbox = null;
        DeletionReport report = held.commitDeletions();
        transcript.note("UPDATE state: " + report.removed() + " message(s) removed"
                + (report.complete() ? "" : ", " + report.notRemovedUids().size() + " could not be removed"));
        if (report.complete()) {
            reply(Pop3ServerReply.LOGOUT, "deleted", String.valueOf(report.removed()));
        } else {
            reply(Pop3ServerReply.DELETIONS_FAILED, "deleted", String.valueOf(report.removed()));
        }
    }

    /** Ends the connection after the current reply. */
    void end() {
        ending = true;
    }

    // --- TLS ---------------------------------------------------------------------------------------------

    boolean isTls() {
        return wire.isTls();
    }

    /** Whether the client has sent more than the command being handled (pipelining, RFC 2449 §6.6). */
    boolean hasPipelinedInput() {
        return wire.bufferedInput() > 0;
    }

    /**
     * Runs the TLS handshake after a positive STLS reply and continues the session over it. The state, the
     * APOP timestamp and the budgets carry over (a client cannot reset its failed logins by starting TLS); a
     * user name given in clear text does not, as RFC 3207 §4.2 has the server discard what it learnt from the
     * client before TLS.
     */
    void startTls() throws IOException {
        ServerTls tls = context.tls();
        Duration timeout = context.limits().idleTimeout();
        SSLSocket secured = tls.upgrade(wire.socket(), new byte[0], timeout);
        wire.switchToTls(secured, ServerTls.describe(secured.getSession()));
        userGivenNow = null;
    }

    // --- transcript annotations --------------------------------------------------------------------------

    /** The mechanism and step of a SASL exchange in progress, for annotating the client's responses. */
    private static final class AuthProgress {
        private final String mechanism;
        private int step;

        AuthProgress(String mechanism, int step) {
            this.mechanism = mechanism;
            this.step = step;
        }
    }

    /** AUTH has begun: the client's next lines are SASL responses, counted from {@code firstStep}. */
    void authExchangeStarted(String mechanism, int firstStep) {
        authProgress = new AuthProgress(mechanism, firstStep);
    }

    void authExchangeEnded() {
        authProgress = null;
    }

    private Annotation annotate(Line line) {
        String text = line.text();
        AuthProgress progress = authProgress;
        if (progress != null) {
            return SaslText.response(progress.mechanism, progress.step++, text);
        }
        Pop3CommandLine command = Pop3CommandLine.parse(text);
        if (command.keyword().equals(Pop3Verb.PASS.name())) {
            String password = command.argumentText();
            return Annotation.secret("PASS " + SaslText.MASK + " (the password, sent in clear text)",
                    "PASS " + password + " (the password, sent in clear text)");
        }
        if (command.keyword().equals(Pop3Verb.AUTH.name()) && command.arguments().size() == 2) {
            return SaslText.response(command.argument(0), 0, command.argument(1));
        }
        return null;
    }

    // --- what handlers may read --------------------------------------------------------------------------

    Pop3ServerContext context() {
        return context;
    }

    Pop3Phase phase() {
        return phase;
    }

    String apopTimestamp() {
        return apopTimestamp;
    }

    /** The open mailbox; only in the TRANSACTION state. */
    MailboxSession mailbox() {
        if (mailbox == null) {
            throw new IllegalStateException("no mailbox is open in the " + phase + " state");
        }
        return mailbox;
    }

    Transcript transcript() {
        return transcript;
    }

    /** What CAPA's IMPLEMENTATION line names (RFC 2449 §6.9), as the personality words it. */
    String implementation() {
        return personality.text("pop3.implementation", values());
    }
}
