package dev.mailbench.smtp;

import dev.mailbench.sasl.SaslClientMechanism;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ClientSession;
import dev.mailbench.wire.DotStuffing;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.WireLimits;
import dev.mailbench.wire.Transcript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * The client side of an SMTP conversation (RFC 5321), as a person at the workbench drives it: typed helpers
 * for every verb, any command line verbatim, or raw bytes. Every byte lands in the {@link Transcript}; the
 * {@link SmtpState} is what an {@link SmtpDialogue} reading that transcript says, so the UI can tell which step
 * comes next, and the transcript alone tells the same story.
 *
 * <p>The helpers block until the reply arrives (or the reply timeout passes); call them off the UI thread.
 * {@link #abort()} from any thread ends a wait at once.
 */
public final class SmtpClientSession extends ClientSession<SmtpReply> {
    private final SmtpReplyParser parser = new SmtpReplyParser();
    private final List<Consumer<SmtpState>> stateListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile SmtpState state = SmtpState.disconnected();
    /** Reads this connection's dialogue from its transcript: the state follows it. Null while not connected. */
    private volatile SmtpDialogue dialogue;
    private volatile String authMechanism = "";
    private volatile int authStep;

    public SmtpClientSession(Transcript transcript, ClientOptions options) {
        super(transcript, options);
        transcript.addListener(event -> {
            SmtpDialogue d = dialogue;
            if (d != null) {
                d.accept(event);
                setState(d.state());
            }
        });
    }

    // ---- connection ----

    /**
     * Connects and reads the greeting (RFC 5321 §3.1). {@link TlsMode#IMPLICIT} (port 465, RFC 8314) does
     * the TLS handshake first; {@link TlsMode#STARTTLS} connects in plain text, for {@link #startTls()} after EHLO.
     */
    public SmtpReply connect(String host, int port, TlsMode mode) throws IOException {
        SmtpDialogue d = new SmtpDialogue(mode == TlsMode.IMPLICIT);
        dialogue = d;
        setState(d.state());
        try {
            return open(host, port, mode);
        } catch (ReplyTimeoutException e) {
            throw e; // still connected and listening: the greeting may yet come, or the user cancels
        } catch (IOException e) {
            dialogue = null;
            setState(SmtpState.disconnected());
            throw e;
        }
    }

    // ---- typed helpers, one per verb ----

    /** HELO (RFC 5321 §4.1.1.1): the old greeting; no extensions follow. */
    public SmtpReply helo(String domain) throws IOException {
        return command(SmtpVerb.HELO.line(domain)).orElseThrow();
    }

    /** EHLO (RFC 5321 §4.1.1.1): introduces the client and asks for the list of extensions. */
    public SmtpReply ehlo(String domain) throws IOException {
        return command(SmtpVerb.EHLO.line(domain)).orElseThrow();
    }

    /** MAIL FROM:&lt;reverse-path&gt; (RFC 5321 §4.1.1.2); an empty path is the null sender of bounces. */
    public SmtpReply mailFrom(String reversePath) throws IOException {
        return mailFrom(reversePath, Map.of());
    }

    /**
     * MAIL FROM with mail parameters such as {@code SIZE=12345} (RFC 1870) or {@code BODY=8BITMIME}
     * (RFC 6152); a parameter with a null value is sent as the keyword alone.
     */
    public SmtpReply mailFrom(String reversePath, Map<String, String> parameters) throws IOException {
        StringJoiner words = new StringJoiner(" ");
        new LinkedHashMap<>(parameters).forEach((key, value) -> words.add(value == null ? key : key + "=" + value));
        return command(SmtpVerb.MAIL.line(reversePath, words.toString())).orElseThrow();
    }

    /** RCPT TO:&lt;forward-path&gt; (RFC 5321 §4.1.1.3). */
    public SmtpReply rcptTo(String forwardPath) throws IOException {
        return command(SmtpVerb.RCPT.line(forwardPath)).orElseThrow();
    }

    /** DATA alone (RFC 5321 §4.1.1.4): a 354 reply means the message text may follow. */
    public SmtpReply data() throws IOException {
        return command(SmtpVerb.DATA.line()).orElseThrow();
    }

    /**
     * Sends message text after a 354: lines starting with "." are dot-stuffed (RFC 5321 §4.5.2), a final CRLF
     * is added if missing, and CRLF.CRLF ends it. Returns the server's verdict on the message.
     */
    public SmtpReply sendMessageText(byte[] message) throws IOException {
        if (state.phase() != SmtpPhase.DATA_INPUT) {
            throw new IllegalStateException("message text can only follow a 354 reply to DATA; the session is "
                    + state.phase().description());
        }
        return await(submitBytes(DotStuffing.encode(message), null, null), dataTimeout());
    }

    /** DATA, then the message text if the server answered 354; returns the last reply. */
    public SmtpReply data(byte[] message) throws IOException {
        SmtpReply go = data();
        return go.code() == 354 && !go.isMalformed() ? sendMessageText(message) : go;
    }

    /** RSET (RFC 5321 §4.1.1.5): abandons the current transaction. */
    public SmtpReply rset() throws IOException {
        return command(SmtpVerb.RSET.line()).orElseThrow();
    }

    /** VRFY (RFC 5321 §4.1.1.6): asks whether a user or mailbox exists. */
    public SmtpReply vrfy(String userOrMailbox) throws IOException {
        return command(SmtpVerb.VRFY.line(userOrMailbox)).orElseThrow();
    }

    /** EXPN (RFC 5321 §4.1.1.7): asks for the members of a mailing list. */
    public SmtpReply expn(String list) throws IOException {
        return command(SmtpVerb.EXPN.line(list)).orElseThrow();
    }

    /** HELP (RFC 5321 §4.1.1.8), optionally about one topic; null or blank asks for general help. */
    public SmtpReply help(String topic) throws IOException {
        return command(SmtpVerb.HELP.line(topic)).orElseThrow();
    }

    /** NOOP (RFC 5321 §4.1.1.9): does nothing but get a 250; checks the connection is alive. */
    public SmtpReply noop() throws IOException {
        return command(SmtpVerb.NOOP.line()).orElseThrow();
    }

    /** ETRN (RFC 1985): asks the server to start delivering mail queued for a domain. */
    public SmtpReply etrn(String domain) throws IOException {
        return command(SmtpVerb.ETRN.line(domain)).orElseThrow();
    }

    /**
     * QUIT (RFC 5321 §4.1.1.10): the server answers 221 and closes. Waits briefly for that close, then closes
     * this side in any case.
     */
    public SmtpReply quit() throws IOException {
        SmtpReply reply = command(SmtpVerb.QUIT.line()).orElseThrow();
        try {
            ended.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            abort();
        }
        return reply;
    }

    /**
     * STARTTLS (RFC 3207): on 220 the TLS handshake runs before this returns, and the session forgets the
     * extensions learnt in plain text (RFC 3207 §4.2), so EHLO must be sent again.
     */
    public SmtpReply startTls() throws IOException {
        return command(SmtpVerb.STARTTLS.line()).orElseThrow();
    }

    /** AUTH with a SASL mechanism (RFC 4954 §4), answering challenges until the server decides. */
    public SmtpReply authenticate(SaslClientMechanism mechanism) throws IOException {
        Optional<byte[]> initial = mechanism.initialResponse();
        String line = SmtpVerb.AUTH.line(mechanism.name(), initial.map(SaslText::encode).orElse(""));
        SmtpReply reply = command(line).orElseThrow();
        int rounds = 0;
        // A malformed 334 ("334abc") is no challenge: the credentials are not sent on its word (RFC 5321 §4.2).
        while (reply.code() == 334 && !reply.isMalformed() && rounds++ < 10) {
            String challenge = reply.lines().isEmpty() ? "" : reply.lines().get(0).trim();
            byte[] decoded = SaslText.decode(challenge).orElse(new byte[0]);
            reply = command(SaslText.encodeAnswer(mechanism.respond(decoded))).orElseThrow();
        }
        return reply;
    }

    public SmtpReply authPlain(String user, String password) throws IOException {
        return authenticate(SaslClientMechanism.forName("PLAIN", user, password));
    }

    public SmtpReply authLogin(String user, String password) throws IOException {
        return authenticate(SaslClientMechanism.forName("LOGIN", user, password));
    }

    public SmtpReply authCramMd5(String user, String password) throws IOException {
        return authenticate(SaslClientMechanism.forName("CRAM-MD5", user, password));
    }

    // ---- free command line ----

    /**
     * Sends one line as typed, like telnet, and waits for its reply. The state follows as if the matching
     * helper had been used. Inside DATA, lines are message text and get no reply, except the lone "." that
     * ends the message; inside an AUTH exchange a line is a base64 response, shown decoded.
     *
     * @return the reply, or empty for a line of message text
     */
    public Optional<SmtpReply> command(String line) throws IOException {
        return Optional.ofNullable(awaitIfSent(send(line).orElse(null)));
    }

    /** Like {@link #command} without waiting: the future completes with the reply (pipelining, RFC 2920). */
    public Optional<CompletableFuture<SmtpReply>> send(String line) throws IOException {
        SmtpState now = state;
        if (now.phase() == SmtpPhase.DATA_INPUT) {
            if (line.equals(".")) {
                return Optional.of(submit(line, Annotation.of("end of message text (RFC 5321 §4.1.1.4)"), null));
            }
            sendUnanswered((line + "\r\n").getBytes(StandardCharsets.UTF_8), null);
            return Optional.empty();
        }
        if (now.phase() == SmtpPhase.AUTH_EXCHANGE) {
            Annotation annotation = SaslText.response(authMechanism, authStep++, line);
            return Optional.of(submit(line, annotation, null));
        }
        String verb = SmtpVerb.firstWord(line);
        Annotation annotation = null;
        if (SmtpVerb.AUTH.keyword().equals(verb)) {
            String[] words = line.trim().split("\\s+");
            authMechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
            authStep = 0;
            if (words.length > 2) {
                annotation = SaslText.response(authMechanism, authStep++, words[2]);
            }
        }
        return Optional.of(submit(line, annotation, null));
    }

    /**
     * Sends bytes exactly as given, for experiments such as a bare LF; nothing is added and no reply is
     * awaited (replies still appear in the transcript). The state follows them as the server reads them.
     */
    public void sendRaw(byte[] bytes) throws IOException {
        sendUnanswered(bytes, Annotation.of("sent raw: exactly these bytes, nothing added"));
    }

    private SmtpReply awaitIfSent(CompletableFuture<SmtpReply> future) throws IOException {
        return future == null ? null : await(future);
    }

    /** RFC 5321 §4.5.3.2.6: the server may take up to 10 minutes to accept a message; allow more than usual. */
    private Duration dataTimeout() {
        return options.replyTimeout().multipliedBy(2);
    }

    // ---- state ----

    public SmtpState state() {
        return state;
    }

    /** What the last EHLO advertised. */
    public EhloCapabilities capabilities() {
        return state.capabilities();
    }

    /** Called on the reader thread whenever the state changes. */
    public void addStateListener(Consumer<SmtpState> listener) {
        stateListeners.add(listener);
    }

    public void removeStateListener(Consumer<SmtpState> listener) {
        stateListeners.remove(listener);
    }

    private void setState(SmtpState next) {
        SmtpState previous = state;
        state = next;
        if (!next.equals(previous)) {
            stateListeners.forEach(listener -> listener.accept(next));
        }
    }

    /** RFC 5321 §4.5.3.1.5: a reply line is at most 512 octets, CRLF included; commands may be 1000. */
    @Override
    protected WireLimits readLimits() {
        WireLimits limits = options.limits();
        return limits.maxLineLength() <= SmtpReplyParser.MAX_REPLY_LINE ? limits
                : limits.withMaxLineLength(SmtpReplyParser.MAX_REPLY_LINE);
    }

    /**
     * What was wrong with the last reply when it was malformed (RFC 5321 §4.2), or with the reply the connection
     * ended in the middle of; empty after a well-formed reply. The state did not move on such a reply.
     */
    public Optional<ReplyIssue> malformedReply() {
        SmtpDialogue d = dialogue;
        return d == null ? Optional.empty() : d.malformedReply();
    }

    @Override
    protected SmtpReply assemble(Line line, Pending<SmtpReply> command) {
        return parser.accept(line);
    }

    @Override
    protected Annotation annotateIncoming(Line line, Pending<SmtpReply> command) {
        SmtpDialogue d = dialogue;
        String text = line.text();
        if (d != null && d.awaited().filter(SmtpTurn::isAuth).isPresent() && text.startsWith("334")) {
            return SaslText.challenge(text.length() > 4 ? text.substring(4) : "");
        }
        return null;
    }

    @Override
    protected boolean startsTls(Pending<SmtpReply> command, SmtpReply reply) {
        SmtpDialogue d = dialogue;
        return d != null && d.tlsDue();
    }

    @Override
    protected void tlsStarted() {
        SmtpDialogue d = dialogue;
        if (d != null) {
            d.tlsStarted();
            setState(d.state());
        }
    }

    @Override
    protected void connectionEnded() {
        SmtpDialogue d = dialogue;
        if (d != null) {
            d.ended();
            setState(d.state());
        } else {
            setState(new SmtpState(SmtpPhase.CLOSED, false, false, state.capabilities(), 0));
        }
        ended.complete(null);
    }
}
