package dev.mailbench.app.session;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.sasl.SaslClientMechanism;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

/** A POP3 client session as the window drives it. */
public final class Pop3Driver extends ClientDriver<Pop3ClientSession, Pop3Verb> {

    public Pop3Driver(Pop3ClientSession session) {
        super(MailProtocol.POP3, session, List.of(Pop3Verb.values()));
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
        return session.malformedResponse()
                .map(problem -> "malformed response: " + problem + " (not taken as an answer); " + phase)
                .orElse(phase);
    }

    @Override
    protected Set<Pop3Verb> legal() {
        return session.state().legalVerbs();
    }

    @Override
    protected Set<Pop3Verb> forward() {
        return session.state().forwardVerbs();
    }

    @Override
    protected boolean isQuit(String line) {
        return Pop3Verb.of(line).filter(verb -> verb == Pop3Verb.QUIT).isPresent();
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

    @Override
    public void quit() throws IOException {
        session.quit();
    }

    /** RFC 2449 §6.3: CAPA lists the mechanisms as {@code SASL PLAIN LOGIN}. */
    @Override
    public List<String> authMechanisms() {
        return session.state().capabilities().stream()
                .filter(capability -> capability.startsWith("SASL "))
                .flatMap(capability -> Arrays.stream(capability.substring(5).trim().split("\\s+")))
                .map(mechanism -> mechanism.toUpperCase(Locale.ROOT))
                .toList();
    }

    @Override
    public Optional<String> apopTimestamp() {
        return session.apopTimestamp();
    }

    @Override
    public void onStateChange(Runnable listener) {
        session.addStateListener(state -> listener.run());
    }
}
