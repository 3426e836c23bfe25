package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Dialogue;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.server.LineServerSession;
import dev.mailbench.server.MailBackend.Maildrop;
import dev.mailbench.server.Personality;
import dev.mailbench.server.ReplyChannel;
import dev.mailbench.store.DeletionReport;
import dev.mailbench.store.MailboxSummary;
import dev.mailbench.tls.ServerTls;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.Durations;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.MailProtocol;
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
 * One POP3 connection to the practice server, from greeting to close: hands each command line (read, limited
 * and recorded by the {@link LineServerSession}) to the handler the {@link Pop3CommandTable} names if it is
 * valid in the current state (RFC 1939 §3), and keeps what the connection knows: the state, the APOP
 * timestamp, the user named by USER, the open mailbox, and the budget for failed logins.
 *
 * <p>However the connection ends — QUIT, a dropped connection, the autologout timer, a spent budget, the
 * server stopping — the mailbox lock is released, and only QUIT in the TRANSACTION state deletes anything
 * (RFC 1939 §6).
 */
public final class Pop3ServerSession extends LineServerSession<String>
        implements Pop3CommandContext, Pop3Login, Pop3SaslExchange, Pop3TlsUpgrade {
    /** The protocol name given to the {@link dev.mailbench.server.ConnectionObserver}. */
    public static final MailProtocol PROTOCOL = MailProtocol.POP3;
    /** RFC 2449 §4: a command line is at most 255 octets, CRLF included. */
    static final int MAX_COMMAND_LINE = Pop3Dialogue.MAX_COMMAND_LINE;
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
    private final Personality personality;
    private Pop3Phase phase = Pop3Phase.AUTHORIZATION;
    private String apopTimestamp;
    private String userGivenLast;
    private String userGivenNow;
    private Maildrop mailbox;
    private int failedLogins;
    /** The class's student this connection counts against, once logged in ({@link StudentLoginLimit}). */
    private String student;

    Pop3ServerSession(Pop3ServerContext context, Pop3CommandTable commands, LoginPolicy loginPolicy, Socket socket) {
        super(PROTOCOL, socket, context.limits(), context.faults(), context.observer());
        this.context = context;
        this.commands = commands;
        this.loginPolicy = loginPolicy;
        this.personality = context.personality().get();
    }

    // --- the connection's course -------------------------------------------------------------------------

    @Override
    protected void greet() throws IOException {
        apopTimestamp = Timestamps.next(context.hostName());
        reply(Pop3ServerReply.GREETING, "timestamp", apopTimestamp);
    }

    @Override
    protected void refuseByFault() throws IOException {
        reply(Pop3ServerReply.SERVICE_UNAVAILABLE);
    }

    /** Tells a client over the connection limit to come back later. */
    @Override
    protected void refuseOverLimit() throws IOException {
        reply(Pop3ServerReply.TOO_MANY_CONNECTIONS);
    }

    @Override
    protected void idleTimeoutExpired() {
        transcript().note("No complete command within " + Durations.human(context.limits().idleTimeout())
                + ": the autologout timer expired (RFC 1939 §3)");
        sendQuietly(Pop3ServerReply.AUTOLOGOUT);
    }

    @Override
    protected void connectionFailed(IOException e) {
        transcript().note("Connection ended: " + e.getMessage());
        logQuietFailure("connection ended", e);
    }

    /** However the connection ends, the mailbox lock is released; nothing is deleted without QUIT. */
    @Override
    protected void ended() {
        if (student != null) {
            context.classPolicy().connectionEnded(student);
            student = null;
        }
        if (mailbox != null && mailbox.isOpen()) {
            mailbox.close();
            transcript().note("Mailbox of " + mailbox.mailbox() + " released without QUIT: messages marked for "
                    + "deletion are kept (RFC 1939 §6)");
        }
        mailbox = null;
    }

    // --- reading -----------------------------------------------------------------------------------------

    @Override
    protected WireLimits commandLineLimits() {
        return COMMAND_LINES;
    }

    @Override
    protected int maxCommandLine() {
        return MAX_COMMAND_LINE;
    }

    @Override
    protected boolean acceptsBareLineEndings() {
        return true;
    }


    @Override
    protected void refuseLine(LineRefusal refusal) throws IOException {
        userGivenNow = null; // not a command, but not nothing either: PASS no longer follows USER
        error(Pop3ServerReply.LINE_TOO_LONG);
    }

    /**
     * A client response during AUTH. It is not a command, so the 255-octet limit of RFC 2449 §4 does not
     * apply, only the server's general line limit. Empty when it was too long and has been answered.
     */
    @Override
    public Optional<Line> readAuthResponse() throws IOException {
        Optional<Line> line = nextLineWithin(context.limits().maxLineLength());
        if (line.isEmpty()) {
            error(Pop3ServerReply.LINE_TOO_LONG);
        }
        return line;
    }

    // --- dispatching -------------------------------------------------------------------------------------

    @Override
    protected void dispatch(Line raw) throws IOException {
        Pop3CommandLine line = Pop3CommandLine.parse(raw.text());
        // RFC 1939 §7: PASS must come right after USER; any other command in between forgets the name.
        userGivenLast = userGivenNow;
        userGivenNow = null;
        Optional<Pop3Command> command = commands.lookup(line.keyword());
        if (command.isEmpty()) {
            error(Pop3ServerReply.UNKNOWN_COMMAND, "verb", line.keyword().isEmpty() ? "(empty line)" : Arguments.shown(line.keyword()));
        } else if (!command.get().validIn().contains(phase)) {
            error(Pop3ServerReply.WRONG_STATE, "verb", line.keyword(), "state", phase.name());
        } else {
            command.get().execute(this, line);
        }
    }

    // --- replying ----------------------------------------------------------------------------------------

    /** Sends a reply; {@code keysAndValues} fill its placeholders ({@code "number", "3", …}). */
    @Override
    public void reply(Pop3ServerReply reply, String... keysAndValues) throws IOException {
        sendReply(reply.line(personality, values(keysAndValues)), null);
    }

    /**
     * Answers a protocol error (unknown command, wrong state, bad arguments, line too long). Each one spends
     * the error budget; the last one allowed is answered with {@link Pop3ServerReply#TOO_MANY_ERRORS} and the
     * connection is closed.
     */
    @Override
    public void error(Pop3ServerReply reply, String... keysAndValues) throws IOException {
        if (errorBudgetSpent()) {
            transcript().note(errors() + " errors in this connection: the error budget is spent, closing");
            reply(Pop3ServerReply.TOO_MANY_ERRORS);
            end();
            return;
        }
        reply(reply, keysAndValues);
    }

    /** A reply is one status (or challenge) line; CRLF is added. */
    @Override
    protected ReplyChannel<String> wireReplies(WireConnection wire) {
        return wire::sendLine;
    }

    /** A positive reply followed by text lines and the terminating "." (LIST, UIDL, CAPA). */
    @Override
    public void replyWithLines(Pop3ServerReply reply, List<String> lines, String... keysAndValues) throws IOException {
        reply(reply, keysAndValues);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String line : lines) {
            if (line.startsWith(".")) {
                body.write('.'); // RFC 1939 §3
            }
            body.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(new byte[] {'.', '\r', '\n'});
        wire().send(body.toByteArray(), null);
    }

    /** A positive reply followed by a whole stored message (RETR), streamed. */
    @Override
    public void replyWithMessage(Pop3ServerReply reply, InputStream message, String... keysAndValues) throws IOException {
        reply(reply, keysAndValues);
        new MessageBodyWriter(wire(), RECORDED_BODY_OCTETS).writeMessage(message);
    }

    /** A positive reply followed by a message's header and first body lines (TOP), streamed. */
    @Override
    public void replyWithTop(Pop3ServerReply reply, InputStream message, int bodyLines, String... keysAndValues)
            throws IOException {
        reply(reply, keysAndValues);
        new MessageBodyWriter(wire(), RECORDED_BODY_OCTETS).writeTop(message, bodyLines);
    }

    /** A SASL challenge, {@code + base64} (RFC 5034 §4), annotated with its decoded text. */
    @Override
    public void challenge(byte[] challenge) throws IOException {
        String base64 = challenge.length == 0 ? "" : SaslText.encode(challenge);
        sendReply(Pop3ServerReply.AUTH_CHALLENGE.line(personality, Map.of("challenge", base64)),
                SaslText.challenge(base64.isEmpty() ? "=" : base64));
    }

    private void sendQuietly(Pop3ServerReply reply) {
        try {
            reply(reply);
        } catch (IOException e) {
            logQuietFailure("a closing reply was not delivered", e);   // the connection is going anyway
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

    // --- logging in and out ------------------------------------------------------------------------------

    /** USER was accepted: PASS may follow as the very next command. */
    @Override
    public void userGiven(String name) {
        userGivenNow = name;
    }

    /** The name USER gave in the command just before this one, if it was USER. */
    @Override
    public Optional<String> userGivenJustBefore() {
        return Optional.ofNullable(userGivenLast);
    }

    /**
     * Decides a login through the login policy. Success opens the TRANSACTION state and records the client
     * for SMTP after POP; a refusal for wrong credentials spends the failed-login budget, and the last one
     * allowed closes the connection.
     */
    @Override
    public void logIn(LoginAttempt attempt) throws IOException {
        LoginOutcome outcome = loginPolicy.attempt(attempt);
        if (outcome.succeeded()) {
            mailbox = outcome.mailbox();
            phase = Pop3Phase.TRANSACTION;
            context.popLogins().loggedIn(socket().getInetAddress(), outcome.mailboxName());
            loggedInAs(outcome.mailboxName());
            student = context.classPolicy().student(outcome.mailboxName()).orElse(null);
            transcript().note("Logged in as " + outcome.mailboxName() + " with " + attempt.method()
                    + "; the mailbox is locked for this session");
            MailboxSummary summary = mailbox.summary();
            reply(Pop3ServerReply.LOGGED_IN, "user", outcome.mailboxName(),
                    "count", String.valueOf(summary.messageCount()), "octets", String.valueOf(summary.totalOctets()));
            return;
        }
        if (outcome.wrongCredentials()) {
            failedLogins++;
            if (failedLogins >= context.limits().maxFailedAuth()) {
                transcript().note(failedLogins + " failed logins in this connection: closing");
                reply(Pop3ServerReply.TOO_MANY_AUTH_FAILURES);
                end();
                return;
            }
        }
        reply(outcome.refusal(), "user", Arguments.shown(attempt.loginName()),
                "mechanism", attempt.mechanism(),
                "seconds", String.valueOf(context.classPolicy().limits().pause().toSeconds()));
        if (outcome.refusal() == Pop3ServerReply.STUDENT_CONNECTIONS) {
            transcript().note(attempt.loginName() + " already has "
                    + context.classPolicy().limits().connectionsAtOnce() + " connections open: closing this one");
            end();
        }
    }

    /**
     * QUIT (RFC 1939 §6): in the TRANSACTION state, the UPDATE state removes the messages marked deleted
     * and releases the mailbox before the reply; in AUTHORIZATION nothing happens but the goodbye.
     */
    @Override
    public void quit() throws IOException {
        endAfterReply();
        if (phase != Pop3Phase.TRANSACTION) {
            reply(Pop3ServerReply.LOGOUT, "deleted", "0");
            return;
        }
        phase = Pop3Phase.UPDATE;
        Maildrop held = mailbox;
        mailbox = null;
        DeletionReport report = held.commitDeletions();
        transcript().note("UPDATE state: " + report.removed() + " message(s) removed"
                + (report.complete() ? "" : ", " + report.notRemovedUids().size() + " could not be removed"));
        if (report.complete()) {
            reply(Pop3ServerReply.LOGOUT, "deleted", String.valueOf(report.removed()));
        } else {
            reply(Pop3ServerReply.DELETIONS_FAILED, "deleted", String.valueOf(report.removed()));
        }
    }

    /** Ends the connection after the current reply. */
    @Override
    public void end() {
        endAfterReply();
    }

    // --- TLS ---------------------------------------------------------------------------------------------

    @Override
    public boolean isTls() {
        return wire().isTls();
    }

    /** Whether the client has sent more than the command being handled (pipelining, RFC 2449 §6.6). */
    @Override
    public boolean hasPipelinedInput() {
        return wire().bufferedInput() > 0;
    }

    /**
     * Runs the TLS handshake after a positive STLS reply and continues the session over it. The state, the
     * APOP timestamp and the budgets carry over (a client cannot reset its failed logins by starting TLS); a
     * user name given in clear text does not, as RFC 3207 §4.2 has the server discard what it learnt from the
     * client before TLS.
     */
    @Override
    public void startTls() throws IOException {
        ServerTls tls = context.tls();
        Duration timeout = context.limits().idleTimeout();
        SSLSocket secured = tls.upgrade(wire().socket(), new byte[0], timeout);
        wire().switchToTls(secured, ServerTls.describe(secured.getSession()));
        userGivenNow = null;
    }

    // --- transcript annotations --------------------------------------------------------------------------

    /** Masks the password of PASS, and decodes AUTH's initial response (SASL exchanges are the base's). */
    @Override
    protected Annotation annotateCommand(Line line) {
        String text = line.text();
        Pop3CommandLine command = Pop3CommandLine.parse(text);
        if (command.keyword().equals(Pop3Verb.PASS.name())) {
            String password = command.argumentText();
            return Annotation.secret(Pop3Verb.PASS.line(SaslText.MASK) + " (the password, sent in clear text)",
                    Pop3Verb.PASS.line(password) + " (the password, sent in clear text)");
        }
        if (command.keyword().equals(Pop3Verb.AUTH.name()) && command.arguments().size() == 2) {
            return SaslText.response(command.argument(0), 0, command.argument(1));
        }
        return null;
    }

    // --- what handlers may read: Pop3CommandContext and its roles ----------------------------------------

    @Override
    public void note(String text) {
        transcript().note(text);
    }

    @Override
    public Pop3Login login() {
        return this;
    }

    @Override
    public Pop3SaslExchange saslExchange() {
        return this;
    }

    @Override
    public Pop3TlsUpgrade tlsUpgrade() {
        return this;
    }

    @Override
    public Pop3ServerContext context() {
        return context;
    }

    @Override
    public Pop3Phase phase() {
        return phase;
    }

    @Override
    public String apopTimestamp() {
        return apopTimestamp;
    }

    /** The open mailbox; only in the TRANSACTION state. */
    @Override
    public Maildrop mailbox() {
        if (mailbox == null) {
            throw new IllegalStateException("no mailbox is open in the " + phase + " state");
        }
        return mailbox;
    }

    /** What CAPA's IMPLEMENTATION line names (RFC 2449 §6.9), as the personality words it. */
    @Override
    public String implementation() {
        return personality.text("pop3.implementation", values());
    }
}
