package dev.mailbench.session;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a saved connection went: what the connection bar held when it was made.
 *
 * @param protocol SMTP or POP3
 * @param host     the host as typed ({@code 127.0.0.1}, {@code mail.example.org})
 * @param port     the TCP port
 * @param tlsMode  how the connection was to be protected
 * @param user     the user name the session logged in with, when it did (never a password)
 */
public record SessionSettings(MailProtocol protocol, String host, int port, TlsMode tlsMode, Optional<String> user) {

    public SessionSettings {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tlsMode, "tlsMode");
        Objects.requireNonNull(user, "user");
    }

    /** {@code host:port}, with an IPv6 literal in brackets. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
