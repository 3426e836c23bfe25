package dev.mailbench.app.session;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import dev.mailbench.wire.ClientSession;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.Verb;

/**
 * What driving an SMTP and a POP3 client session have in common: the session, its verbs, and sending a
 * typed line (waiting for the server to close after a QUIT). The subclasses add what differs: how a
 * protocol's state reads, where its AUTH mechanisms come from, and SMTP's message text.
 *
 * @param <S> the client session driven
 * @param <V> the protocol's verbs
 */
abstract sealed class ClientDriver<S extends ClientSession<?>, V extends Enum<V> & Verb> implements SessionDriver
        permits SmtpDriver, Pop3Driver {

    protected final S session;
    private final MailProtocol protocol;
    private final List<Verb> verbs;

    /** {@code verbs}: the verbs for the step buttons, in the order of a normal dialogue. */
    ClientDriver(MailProtocol protocol, S session, List<V> verbs) {
        this.protocol = protocol;
        this.session = session;
        this.verbs = List.copyOf(verbs);
    }

    public S session() {
        return session;
    }

    @Override
    public MailProtocol protocol() {
        return protocol;
    }

    @Override
    public Transcript transcript() {
        return session.transcript();
    }

    @Override
    public boolean isConnected() {
        return session.isConnected();
    }

    @Override
    public List<Verb> verbs() {
        return verbs;
    }

    @Override
    public Set<Verb> legalVerbs() {
        return Set.copyOf(legal());
    }

    @Override
    public Set<Verb> forwardVerbs() {
        return Set.copyOf(forward());
    }

    /** The verbs the session's state allows now. */
    protected abstract Set<V> legal();

    /** The verbs that move the session's dialogue forward now. */
    protected abstract Set<V> forward();

    @Override
    public void send(String line) throws IOException {
        boolean quit = isQuit(line);
        command(line);
        if (quit) {
            Disconnection.await(session::isConnected);
        }
    }

    /** Whether {@code line}, sent now, is a QUIT command (after which the server closes). */
    protected abstract boolean isQuit(String line);

    /** Sends one line as typed and waits for its reply if it gets one. */
    protected abstract void command(String line) throws IOException;

    @Override
    public void abort() {
        session.abort();
    }
}
