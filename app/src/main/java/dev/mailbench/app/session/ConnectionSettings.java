package dev.mailbench.app.session;

import java.time.Duration;
import java.util.Objects;

import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerUri;
import dev.mailbench.wire.TlsMode;

/**
 * Where a session tab connects: what the connection bar holds. The window opens its first tab with these
 * (the practice server's, once it runs inside the app).
 *
 * @param replyTimeout how long to wait for a reply before saying none came (the connection stays open)
 */
public record ConnectionSettings(String host, int port, MailProtocol protocol, TlsMode tlsMode,
                                 Duration replyTimeout) {

    public ConnectionSettings {
        Objects.requireNonNull(host);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(tlsMode);
        if (replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("not a reply timeout: " + replyTimeout);
        }
    }

    /** Settings with the usual reply timeout ({@link ClientOptions#DEFAULT_REPLY_TIMEOUT}). */
    public ConnectionSettings(String host, int port, MailProtocol protocol, TlsMode tlsMode) {
        this(host, port, protocol, tlsMode, ClientOptions.DEFAULT_REPLY_TIMEOUT);
    }

    /** The usual port for a protocol and TLS mode: 25/587/465 for SMTP (RFC 6409, RFC 8314), 110/995 for POP3. */
    public static int defaultPort(MailProtocol protocol, TlsMode tlsMode) {
        return ServerUri.defaultPort(protocol, tlsMode);
    }

    /** The TLS mode in the words the connection bar uses: {@code no TLS}, {@code STARTTLS} (POP3: {@code STLS}), {@code implicit TLS}. */
    public static String tlsName(MailProtocol protocol, TlsMode tlsMode) {
        return switch (tlsMode) {
            case NONE -> "no TLS";
            case STARTTLS -> protocol == MailProtocol.POP3 ? "STLS" : "STARTTLS";
            case IMPLICIT -> "implicit TLS";
        };
    }

    /** Whether a port is one {@link #defaultPort} gives, so changing protocol or TLS may replace it. */
    public static boolean isDefaultPort(int port) {
        return port == 25 || port == 587 || port == 465 || port == 110 || port == 995;
    }
}
