package dev.mailbench.server.pop3;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.server.MailBackend.Maildrop;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What a POP3 command sees of its connection: the state, the server's context, the open maildrop, the
 * named replies and the transcript. A command that needs more asks for it by its role: logging in
 * ({@link #login()}), a SASL exchange ({@link #saslExchange()}), the TLS upgrade ({@link #tlsUpgrade()}).
 * Implemented by {@link Pop3ServerSession}; commands and their argument checks take nothing else.
 */
interface Pop3CommandContext {

    /** The server's settings, accounts and TLS. */
    Pop3ServerContext context();

    /** The state of the session (RFC 1939 §3). */
    Pop3Phase phase();

    /** Whether the connection runs over TLS. */
    boolean isTls();

    /** What CAPA's IMPLEMENTATION line names (RFC 2449 §6.9), as the personality words it. */
    String implementation();

    /** The open maildrop; only in the TRANSACTION state. */
    Maildrop mailbox();

    /** Sends a reply; {@code keysAndValues} fill its placeholders ({@code "number", "3", …}). */
    void reply(Pop3ServerReply reply, String... keysAndValues) throws IOException;

    /** Answers a protocol error, spending the error budget; the last one allowed closes the connection. */
    void error(Pop3ServerReply reply, String... keysAndValues) throws IOException;

    /** A positive reply followed by text lines and the terminating "." (LIST, UIDL, CAPA). */
    void replyWithLines(Pop3ServerReply reply, List<String> lines, String... keysAndValues) throws IOException;

    /** A positive reply followed by a whole stored message (RETR), streamed. */
    void replyWithMessage(Pop3ServerReply reply, InputStream message, String... keysAndValues) throws IOException;

    /** A positive reply followed by a message's header and first body lines (TOP), streamed. */
    void replyWithTop(Pop3ServerReply reply, InputStream message, int bodyLines, String... keysAndValues)
            throws IOException;

    /** QUIT (RFC 1939 §6): the UPDATE state if in TRANSACTION, the goodbye, and the end of the connection. */
    void quit() throws IOException;

    /** A note in the connection's transcript: what the server decided and why. */
    void note(String text);

    /** USER, PASS, APOP and AUTH's way in. */
    Pop3Login login();

    /** AUTH's exchange of challenges and responses. */
    Pop3SaslExchange saslExchange();

    /** STLS's switch of the connection to TLS. */
    Pop3TlsUpgrade tlsUpgrade();
}
