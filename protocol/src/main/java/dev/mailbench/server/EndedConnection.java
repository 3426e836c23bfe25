package dev.mailbench.server;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A connection the practice server has finished with: its complete transcript, and who the client was as far
 * as the server knows it.
 *
 * @param protocol   which server accepted it
 * @param remote     the client's address and port
 * @param started    when the connection was accepted
 * @param transcript the server's transcript of it, complete (server lines outgoing)
 * @param users      the names it logged in as (SMTP AUTH, a POP3 login), in order, each once
 * @param senders    the MAIL FROM addresses the server accepted, in order, each once (the null sender as "")
 */
public record EndedConnection(MailProtocol protocol, String remote, Instant started, Transcript transcript,
                              Set<String> users, Set<String> senders) {
    public EndedConnection {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(transcript, "transcript");
        users = Collections.unmodifiableSet(new LinkedHashSet<>(users));
        senders = Collections.unmodifiableSet(new LinkedHashSet<>(senders));
    }
}
