package dev.mailbench.server.pop3;

import java.io.IOException;

/** STLS's switch of the connection to TLS (RFC 2595 §4), as {@link StlsCommand} asks for it. */
interface Pop3TlsUpgrade {

    /** Whether the client has sent more than the command being handled (pipelining, RFC 2449 §6.6). */
    boolean hasPipelinedInput();

    /** Runs the TLS handshake after the positive reply and continues the session over it. */
    void startTls() throws IOException;

    /** Ends the connection after the current reply (plain text pipelined after STLS). */
    void end();
}
