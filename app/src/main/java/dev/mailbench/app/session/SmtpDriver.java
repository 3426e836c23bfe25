package dev.mailbench.app.session;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import dev.mailbench.sasl.SaslClientMechanism;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

/** An SMTP client session as the window drives it. */
public final class SmtpDriver extends ClientDriver<SmtpClientSession, SmtpVerb> {

    public SmtpDriver(SmtpClientSession session) {
        super(MailProtocol.SMTP, session, SmtpVerb.implemented());
    }

    @Override
    public void connect(String host, int port, TlsMode mode) throws IOException {
        session.connect(host, port, mode);
    }

    @Override
    public boolean isTls() {
        return session.state().tls();
    }

    @Override
    public Enum<?> phase() {
        return session.state().phase();
    }

    @Override
    public String stateDescription() {
        String phase = session.state().phase().description();
        return session.malformedReply()
                .map(issue -> "malformed reply: " + issue.description() + " (not taken as an answer); " + phase)
                .orElse(phase);
    }

    @Override
    protected Set<SmtpVerb> legal() {
        return session.state().legalVerbs();
    }

    @Override
    protected Set<SmtpVerb> forward() {
        return session.state().forwardVerbs();
    }

    /** Whether the session is inside DATA, where lines are message text (RFC 5321 §4.1.1.4). */
    public boolean awaitingMessageText() {
        return session.state().phase() == SmtpPhase.DATA_INPUT;
    }

    /** Inside DATA a line reading QUIT is message text, not a command. */
    @Override
    protected boolean isQuit(String line) {
        return !awaitingMessageText() && SmtpVerb.of(line).filter(verb -> verb == SmtpVerb.QUIT).isPresent();
    }

    @Override
    protected void command(String line) throws IOException {
        session.command(line);
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
            if (go.code() != 354 || go.isMalformed()) {
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
    public void onStateChange(Runnable listener) {
        session.addStateListener(state -> listener.run());
    }
}
