package dev.mailbench.pop3;

import dev.mailbench.sasl.ApopDigest;
import dev.mailbench.sasl.SaslClientMechanism;
import dev.mailbench.sasl.SaslText;
import dev.mailbench.wire.Annotation;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ClientSession;
import dev.mailbench.wire.Line;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * The client side of a POP3 conversation (RFC 1939, with CAPA of RFC 2449, STLS of RFC 2595, AUTH of
 * RFC 5034): typed helpers for every verb, any command line verbatim, raw bytes. Every byte lands in the
 * {@link Transcript}, and the {@link Pop3State} is what a {@link Pop3Dialogue} reading that transcript says.
 *
 * <p>The helpers block until the reply arrives or the reply timeout passes; call them off the UI thread.
 */
public final class Pop3ClientSession extends ClientSession<Pop3Reply> {
    private final Pop3ReplyParser parser = new Pop3ReplyParser();
    private final List<Consumer<Pop3State>> stateListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile Pop3State state = Pop3State.disconnected();
    /** Reads this connection's dialogue from its transcript: the state follows it. Null while not connected. */
    private volatile Pop3Dialogue dialogue;
    private volatile String authMechanism = "";
    private volatile int authStep;

    public Pop3ClientSession(Transcript transcript, ClientOptions options) {
        super(transcript, options);
        transcript.addListener(event -> {
            Pop3Dialogue d = dialogue;
            if (d != null) {
                d.accept(event);
                setState(d.state());
            }
        });
    }

    /** Connects and reads the greeting; {@link TlsMode#IMPLICIT} is POP3S on 995 (RFC 8314). */
    public Pop3Reply connect(String host, int port, TlsMode mode) throws IOException {
        Pop3Dialogue d = new Pop3Dialogue(mode == TlsMode.IMPLICIT);
        dialogue = d;
        setState(d.state());
        try {
            return open(host, port, mode);
        } catch (ReplyTimeoutException e) {
            throw e; // still connected and listening: the greeting may yet come, or the user cancels
        } catch (IOException e) {
            dialogue = null;
            setState(Pop3State.disconnected());
            throw e;
        }
    }

    public Pop3Reply user(String name) throws IOException {
        return command(Pop3Verb.USER.line(name));
    }

    /** PASS (RFC 1939 §7). The password travels in clear text; the transcript masks it until revealed. */
    public Pop3Reply pass(String password) throws IOException {
        return command(Pop3Verb.PASS.line(password));
    }

    /** APOP (RFC 1939 §7): MD5 of the greeting's timestamp and the shared secret, so no password is sent. */
    public Pop3Reply apop(String name, String secret) throws IOException {
        String timestamp = apopTimestamp().orElse(null);
        if (timestamp == null) {
            throw new IllegalStateException("the server's greeting carried no " + Pop3Verb.APOP.keyword() + " timestamp");
        }
        return command(Pop3Verb.APOP.line(name, ApopDigest.of(timestamp, secret)));
    }

    /** AUTH (RFC 5034 §4) with a SASL mechanism, answering "+ " challenges until the server decides. */
    public Pop3Reply authenticate(SaslClientMechanism mechanism) throws IOException {
        Optional<byte[]> initial = mechanism.initialResponse();
        Pop3Reply reply = command(Pop3Verb.AUTH.line(mechanism.name(), initial.map(SaslText::encode).orElse("")));
        int rounds = 0;
        while (reply.status() == Pop3Reply.Status.CONTINUATION && rounds++ < 10) {
            byte[] challenge = SaslText.decode(reply.text()).orElse(new byte[0]);
            reply = command(SaslText.encodeAnswer(mechanism.respond(challenge)));
        }
        return reply;
    }

    /** CAPA (RFC 2449 §5): the server's capabilities, one per body line. */
    public Pop3Reply capa() throws IOException {
        return command(Pop3Verb.CAPA.line());
    }

    /** STLS (RFC 2595 §4): on +OK the TLS handshake runs before this returns; CAPA should be asked again. */
    public Pop3Reply stls() throws IOException {
        return command(Pop3Verb.STLS.line());
    }

    public Pop3Reply stat() throws IOException {
        return command(Pop3Verb.STAT.line());
    }

    public Pop3Reply list() throws IOException {
        return command(Pop3Verb.LIST.line());
    }

    public Pop3Reply list(int message) throws IOException {
        return command(Pop3Verb.LIST.line(String.valueOf(message)));
    }

    public Pop3Reply uidl() throws IOException {
        return command(Pop3Verb.UIDL.line());
    }

    public Pop3Reply uidl(int message) throws IOException {
        return command(Pop3Verb.UIDL.line(String.valueOf(message)));
    }

    /** RETR (RFC 1939 §5): the whole message; {@link Pop3Reply#content()} holds its exact bytes. */
    public Pop3Reply retr(int message) throws IOException {
        return command(Pop3Verb.RETR.line(String.valueOf(message)));
    }

    /** TOP (RFC 1939 §7): the header, the blank line and the first {@code lines} lines of the body. */
    public Pop3Reply top(int message, int lines) throws IOException {
        return command(Pop3Verb.TOP.line(String.valueOf(message), String.valueOf(lines)));
    }

    public Pop3Reply dele(int message) throws IOException {
        return command(Pop3Verb.DELE.line(String.valueOf(message)));
    }

    public Pop3Reply rset() throws IOException {
        return command(Pop3Verb.RSET.line());
    }

    public Pop3Reply noop() throws IOException {
        return command(Pop3Verb.NOOP.line());
    }

    /** QUIT (RFC 1939 §6): in TRANSACTION state the server now deletes the marked messages and closes. */
    public Pop3Reply quit() throws IOException {
        Pop3Reply reply = command(Pop3Verb.QUIT.line());
        try {
            ended.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            abort();
        }
        return reply;
    }

    /** Sends one line as typed and waits for its (possibly multi-line) reply. */
    public Pop3Reply command(String line) throws IOException {
        return await(send(line));
    }

    /** Sends one line as typed without waiting; the future completes with the reply. */
    public CompletableFuture<Pop3Reply> send(String line) throws IOException {
        if (state.phase() == Pop3Phase.AUTH_EXCHANGE) {
            return submit(line, SaslText.response(authMechanism, authStep++, line), false);
        }
        Optional<Pop3Verb> verb = Pop3Verb.of(line);
        Annotation annotation = null;
        String[] words = line.trim().split("\\s+", 3);
        if (verb.filter(v -> v == Pop3Verb.PASS).isPresent()) {
            int start = Pop3Verb.PASS.keyword().length() + 1; // the password is the rest of the line (RFC 1939 §7)
            String password = line.trim().length() > start ? line.trim().substring(start) : "";
            annotation = Annotation.secret(Pop3Verb.PASS.line(SaslText.MASK) + " (the password, sent in clear text)",
                    Pop3Verb.PASS.line(password) + " (the password, sent in clear text)");
        } else if (verb.filter(v -> v == Pop3Verb.AUTH).isPresent()) {
            authMechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
            authStep = 0;
            if (words.length > 2) {
                annotation = SaslText.response(authMechanism, authStep++, words[2]);
            }
        }
        return submit(line, annotation, Pop3Verb.expectsMultiLine(line));
    }

    /** Sends bytes exactly as given; no reply is awaited, and the state follows them as the server reads them. */
    public void sendRaw(byte[] bytes) throws IOException {
        sendUnanswered(bytes, Annotation.of("sent raw: exactly these bytes, nothing added"));
    }

    /**
     * What was wrong with the last response when it was malformed (a RETR of another size than announced, a LIST
     * or UIDL line that is not {@code n size} / {@code n uid}, text cut off before its dot); empty otherwise.
     */
    public Optional<String> malformedResponse() {
        Pop3Dialogue d = dialogue;
        return d == null ? Optional.empty() : d.malformedResponse();
    }

    public Pop3State state() {
        return state;
    }

    /** The APOP timestamp from the greeting, if any. */
    public Optional<String> apopTimestamp() {
        Pop3Dialogue d = dialogue;
        return d == null ? Optional.empty() : d.apopTimestamp();
    }

    public void addStateListener(Consumer<Pop3State> listener) {
        stateListeners.add(listener);
    }

    public void removeStateListener(Consumer<Pop3State> listener) {
        stateListeners.remove(listener);
    }

    private void setState(Pop3State next) {
        Pop3State previous = state;
        state = next;
        if (!next.equals(previous)) {
            stateListeners.forEach(listener -> listener.accept(next));
        }
    }

    @Override
    protected Pop3Reply assemble(Line line, Pending<Pop3Reply> command) {
        boolean multiLine = command != null && Boolean.TRUE.equals(command.context());
        return parser.accept(line, multiLine);
    }

    @Override
    protected Annotation annotateIncoming(Line line, Pending<Pop3Reply> command) {
        Pop3Dialogue d = dialogue;
        String text = line.text();
        if (d != null && d.awaited().filter(Pop3Turn::isAuth).isPresent() && (text.startsWith("+ ") || text.equals("+"))) {
            return SaslText.challenge(text.length() > 2 ? text.substring(2) : "");
        }
        return null;
    }

    @Override
    protected boolean startsTls(Pending<Pop3Reply> command, Pop3Reply reply) {
        Pop3Dialogue d = dialogue;
        return d != null && d.tlsDue();
    }

    @Override
    protected void tlsStarted() {
        Pop3Dialogue d = dialogue;
        if (d != null) {
            d.tlsStarted();
            setState(d.state());
        }
    }

    @Override
    protected void connectionEnded() {
        Pop3Dialogue d = dialogue;
        if (d != null) {
            d.ended();
            setState(d.state());
        } else {
            setState(new Pop3State(Pop3Phase.CLOSED, false, false, false, state.capabilities()));
        }
        ended.complete(null);
    }
}
