package dev.mailbench.server.smtp;

import dev.mailbench.server.Personality;
import dev.mailbench.smtp.SmtpReply;
import java.io.IOException;
import java.util.Map;

/**
 * What an SMTP command sees of its connection: the {@link Session} (greeting, TLS and AUTH state, the
 * envelope), the server's context and this connection's personality, the named replies and the transcript.
 * A command that needs more asks for it by its role: the DATA text ({@link #messageInput()}), a SASL
 * exchange ({@link #saslExchange()}), the TLS upgrade ({@link #tlsUpgrade()}). Implemented by
 * {@link SmtpServerSession}; commands, {@link Guards} and the fault wrappers take nothing else.
 */
public interface SmtpCommandContext {

    /** What the server knows about the client and its transaction. */
    Session session();

    /** The server's settings, accounts, backend, faults and TLS. */
    SmtpServerContext context();

    /** The personality read when the connection opened; it words the replies. */
    Personality personality();

    /** The fault state of greylisting, shared by all connections of the server. */
    Greylist greylist();

    /** A named reply in this connection's personality; {@code keyValues} are extra placeholder pairs. */
    SmtpReply reply(SmtpReplies reply, String... keyValues);

    /** The placeholders every text may use, plus the given pairs. */
    Map<String, String> values(String... keyValues);

    /** Sends a reply before the command's final one (DATA's 354). A 421 closes the session after it. */
    void send(SmtpReply reply) throws IOException;

    /** A note in the connection's transcript: what the server decided and why. */
    void note(String text);

    /** Ends the session after the current reply (QUIT). */
    void closeAfterReply();

    /** The message text after DATA's 354. */
    SmtpMessageInput messageInput();

    /** An AUTH exchange of challenges and responses. */
    SmtpSaslExchange saslExchange();

    /** STARTTLS's switch of the connection to TLS. */
    SmtpTlsUpgrade tlsUpgrade();
}
