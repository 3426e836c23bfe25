package dev.mailbench.server;

import dev.mailbench.wire.Annotation;
import java.io.IOException;

/**
 * Where a session's replies go: the wire, possibly through wrappers such as {@link ReplyDelayFault} that
 * apply to every reply of every protocol alike (as SubEthaSMTP wraps commands with policies).
 *
 * @param <R> the protocol's reply: an {@code SmtpReply} for SMTP, a status or challenge line for POP3
 */
@FunctionalInterface
public interface ReplyChannel<R> {
    /** Sends one reply, with an explanation for the transcript or null. */
    void send(R reply, Annotation annotation) throws IOException;
}
