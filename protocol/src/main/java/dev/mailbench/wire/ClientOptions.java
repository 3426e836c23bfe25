package dev.mailbench.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a client session.
 *
 * @param connectTimeout how long to wait for TCP (and TLS) to be established
 * @param replyTimeout   how long to wait for a reply before reporting a timeout. RFC 5321 §4.5.3.2 lets an
 *                       unattended client wait minutes; a person at a workbench wants to know sooner, and can
 *                       always wait longer or cancel.
 * @param limits         line limits for reading the server
 * @param tlsLayer       how TLS is done (see the tls package)
 */
public record ClientOptions(Duration connectTimeout, Duration replyTimeout, WireLimits limits, TlsLayer tlsLayer) {
    /** The reply timeout a session has unless the user sets another. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(60);

    public ClientOptions {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(replyTimeout);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(tlsLayer);
    }

    public static ClientOptions defaults(TlsLayer tlsLayer) {
        return new ClientOptions(Duration.ofSeconds(15), DEFAULT_REPLY_TIMEOUT, WireLimits.RFC, tlsLayer);
    }

    public ClientOptions withReplyTimeout(Duration timeout) {
        return new ClientOptions(connectTimeout, timeout, limits, tlsLayer);
    }

    public ClientOptions withConnectTimeout(Duration timeout) {
        return new ClientOptions(timeout, replyTimeout, limits, tlsLayer);
    }
}
