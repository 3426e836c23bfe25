package dev.mailbench.app.session;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.mailbench.sasl.SaslClientMechanism;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;

/** An SMTP client session as the window drives it. */
public final class SmtpDriver implements SessionDriver {

    private final SmtpClientSession session;

    public SmtpDriver(SmtpClientSession session) {
        this.session = session;
    }

    public SmtpClientSession session() {
        return session;
    }

    @Override
    public MailProtocol protocol() {
        return MailProtocol.SMTP;
    }

    @Override
    public Transcript transcript() {
        return session.transcript();
    }

    @Override
    public void connect(String host, int port, TlsMode mode) throws IOException {
        session.connect(host, port, mode);
    }

    @Override
    public boolean isConnected() {
        return session.isConnected();
    }

    @Override
    public boolean isTls() {
        return session.state().tls();
    }

    @Override
    public String stateDescription() {
        return session.state().phase().description();
    }

    @Override
    public List<String> verbs() {
        return Arrays.stream(SmtpVerb.values()).map(Enum::name).toList();
    }

    @Override
    public Set<String> legalVerbs() {
        return session.state().legalVerbs().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the session is inside DATA, where lines are message text (RFC 5321 §4.1.1.4). */
    public boolean awaitingMessageText() {
        return session.state().phase() == SmtpPhase.DATA_INPUT;
    }

    @Override
    public void send(String line) throws IOException {
        boolean quit = !awaitingMessageText() && SmtpVerb.firstWord(line).equals("QUIT");
        session.command(line);
        if (quit) {
            Disconnection.await(session::isConnected);
        }
    }

    @Override
    public void sendRaw(byte[] bytes) throws IOException {
        session.sendRaw(bytes);
    }

    @Override
    public void authenticate(SaslClientMechanism mechanism) throws IOException {
        session.authenticate(mechanism);
    }

    /**
     * Sends a whole message: DATA first unless the server already said 354, then the dot-stuffed text and
     * the end-of-data line. Returns the server's last reply.
     */
    public SmtpReply sendMessage(byte[] message) throws IOException {
        if (!awaitingMessageText()) {
            SmtpReply go = session.data();
            if (go.code() != 354) {
                return go;
            }
        }
        return session.sendMessageText(message);
    }

    @Override
    public void quit() throws IOException {
        session.quit();
    }

    @Override
    public List<String> authMechanisms() {
        return List.copyOf(session.capabilities().authMechanisms());
    }

    @Override
    public void abort() {
        session.abort();
    }

    @Override
    public void onStateChange(Runnable listener) {
        session.addStateListener(state -> listener.run());
    }
}
