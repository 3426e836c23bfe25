package dev.mailbench.server.smtp;

import java.io.IOException;

/** STARTTLS's switch of the connection to TLS (RFC 3207 §4), as {@link StartTlsCommand} asks for it. */
public interface SmtpTlsUpgrade {

    /**
     * Answers {@code 220} (or {@code 554} to plain text pipelined after the command), runs the handshake and
     * resets the session (RFC 3207 §4.2). A failed handshake ends the connection.
     *
     * @return true when TLS is up
     */
    boolean upgradeToTls() throws IOException;
}
