package dev.mailbench.app.session;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.sasl.SaslClientMechanism;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.Verb;

/**
 * One connection's client session, SMTP or POP3, seen the same way by the window. The blocking methods
 * wait for the server; call them through a {@link dev.mailbench.app.task.TaskExecutor}, never on the UI thread.
 */
public sealed interface SessionDriver permits ClientDriver {

    MailProtocol protocol();

    /** Every byte of this connection, in order. */
    Transcript transcript();

    /** Connects and waits for the greeting. */
    void connect(String host, int port, TlsMode mode) throws IOException;

    boolean isConnected();

    boolean isTls();

    /** Where the session stands in its protocol: its {@code SmtpPhase} or {@code Pop3Phase}. */
    Enum<?> phase();

    /** The state in words, saying what comes next ("greeted: introduce yourself with EHLO (or HELO)"). */
    String stateDescription();

    /** The verbs, in the order of a normal dialogue, for the step buttons. */
    List<Verb> verbs();

    /** The verbs a correct client may send now (the rest can still be sent). */
    Set<Verb> legalVerbs();

    /** Of the legal verbs, those that move a normal dialogue forward now: the next steps of sending or reading mail. */
    Set<Verb> forwardVerbs();

    /** Sends one line as typed, like telnet, and waits for its reply if it gets one. */
    void send(String line) throws IOException;

    /** Sends bytes exactly as given, nothing added, and does not wait. */
    void sendRaw(byte[] bytes) throws IOException;

    /** AUTH with a SASL mechanism, answering the server's challenges. */
    void authenticate(SaslClientMechanism mechanism) throws IOException;

    /** QUIT, then waits briefly for the server to close. */
    void quit() throws IOException;

    /** The SASL mechanisms the server advertised, upper case, in its order; empty if not known. */
    List<String> authMechanisms();

    /** The APOP timestamp of a POP3 greeting (RFC 1939 §7). */
    default Optional<String> apopTimestamp() {
        return Optional.empty();
    }

    /** Closes the connection at once, without QUIT: Cancel and Disconnect. */
    void abort();

    /** {@code listener} runs, on the session's thread, whenever the state changes. */
    void onStateChange(Runnable listener);

    /** A new driver for the protocol, recording into {@code transcript}. */
    static SessionDriver create(MailProtocol protocol, Transcript transcript,
                                ClientOptions options) {
        return switch (protocol) {
            case SMTP -> new SmtpDriver(new SmtpClientSession(transcript, options));
            case POP3 -> new Pop3Driver(new Pop3ClientSession(transcript, options));
        };
    }
}
