package dev.mailbench.reproduce;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.ClientSession;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.Transcript;
import java.io.IOException;

/**
 * The SMTP or POP3 client session a script drives, the same one a session tab drives: a line as typed (its reply
 * awaited when it gets one), raw bytes, and when the connection has ended.
 */
abstract sealed class ScriptClient implements AutoCloseable {

    private final ClientSession<?> session;

    private ScriptClient(ClientSession<?> session) {
        this.session = session;
    }

    static ScriptClient create(ServerAddress address, Transcript transcript, ClientOptions options) {
        return switch (address.protocol()) {
            case SMTP -> new Smtp(new SmtpClientSession(transcript, options));
            case POP3 -> new Pop3(new Pop3ClientSession(transcript, options));
        };
    }

    abstract void connect(ServerAddress address) throws IOException;

    /** Sends a line as the command line does, CRLF added, and waits for its reply if it gets one. */
    abstract void send(String line) throws IOException;

    /** Sends exactly these bytes, as raw mode does, and does not wait. */
    abstract void sendRaw(byte[] bytes) throws IOException;

    /** Whether lines are message text now (SMTP inside DATA, RFC 5321 §4.1.1.4), where an empty line counts. */
    abstract boolean takesMessageText();

    /** Whether {@code line}, sent now, is QUIT, after which the server closes the connection. */
    abstract boolean isQuit(String line);

    /** {@code listener} runs once the connection has ended, whoever ended it. */
    abstract void onEnded(Runnable listener);

    /** Whether {@code line}, sent now, would give the server a password or a credential (AUTH, PASS, APOP). */
    abstract boolean carriesCredentials(String line);

    boolean isConnected() {
        return session.isConnected();
    }

    boolean isTls() {
        return session.isTls();
    }

    @Override
    public void close() {
        session.close();
    }

    private static final class Smtp extends ScriptClient {
        private final SmtpClientSession session;

        Smtp(SmtpClientSession session) {
            super(session);
            this.session = session;
        }

        @Override
        void connect(ServerAddress address) throws IOException {
            session.connect(address.host(), address.port(), address.tlsMode());
        }

        @Override
        void send(String line) throws IOException {
            session.command(line);
        }

        @Override
        void sendRaw(byte[] bytes) throws IOException {
            session.sendRaw(bytes);
        }

        @Override
        boolean takesMessageText() {
            return session.state().phase() == SmtpPhase.DATA_INPUT;
        }

        @Override
        boolean isQuit(String line) {
            return !takesMessageText() && SmtpVerb.of(line).filter(verb -> verb == SmtpVerb.QUIT).isPresent();
        }

        @Override
        boolean carriesCredentials(String line) {
            return !takesMessageText() && SmtpVerb.of(line).filter(SmtpVerb::givesCredentials).isPresent();
        }

        @Override
        void onEnded(Runnable listener) {
            session.addStateListener(state -> {
                if (state.phase() == SmtpPhase.CLOSED) {
                    listener.run();
                }
            });
        }
    }

    private static final class Pop3 extends ScriptClient {
        private final Pop3ClientSession session;

        Pop3(Pop3ClientSession session) {
            super(session);
            this.session = session;
        }

        @Override
        void connect(ServerAddress address) throws IOException {
            session.connect(address.host(), address.port(), address.tlsMode());
        }

        @Override
        void send(String line) throws IOException {
            session.command(line);
        }

        @Override
        void sendRaw(byte[] bytes) throws IOException {
            session.sendRaw(bytes);
        }

        @Override
        boolean takesMessageText() {
            return false;
        }

        @Override
        boolean isQuit(String line) {
            return session.state().phase() != Pop3Phase.AUTH_EXCHANGE
                    && Pop3Verb.of(line).filter(verb -> verb == Pop3Verb.QUIT).isPresent();
        }

        @Override
        boolean carriesCredentials(String line) {
            return session.state().phase() != Pop3Phase.AUTH_EXCHANGE && Pop3Verb.of(line)
                    .filter(Pop3Verb::givesCredentials).isPresent();
        }

        @Override
        void onEnded(Runnable listener) {
            session.addStateListener(state -> {
                if (state.phase() == Pop3Phase.CLOSED) {
                    listener.run();
                }
            });
        }
    }
}
