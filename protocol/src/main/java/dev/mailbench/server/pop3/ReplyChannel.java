package dev.mailbench.server.pop3;

import dev.mailbench.wire.Annotation;
import java.io.IOException;

/**
 * Where a session's reply lines go: the wire, possibly through policies such as {@link ReplyDelayFault}
 * that apply to every reply alike.
 */
@FunctionalInterface
interface ReplyChannel {
    /** Sends one reply line (a status line, or a SASL challenge); CRLF is added. */
    void send(String line, Annotation annotation) throws IOException;
}
