package dev.mailbench.wire;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a client session.
 *
 * @param connectTimeout how long to wait for TCP (and TLS) to be established
 * @param replyTimeout   how long to wait for a reply before reporting a timeout. RFC 5321 §4.5.3.2 lets an
 *                       unattended client wait minutes; a person at a workbench wants to know sooner, and can
 *                       always wait longer or cancel.
 * @param limits         line limits for reading the server
 * @param tlsLayer       how TLS is done (see the tls package)
 * @param implicitTlsPorts ports whose servers usually speak TLS from the first octet: a plain connection there
 *                       that hears nothing is told to choose implicit TLS
 */
public record ClientOptions(Duration connectTimeout, Duration replyTimeout, WireLimits limits, TlsLayer tlsLayer,
                            Set<Integer> implicitTlsPorts) {
    /** SMTPS 465 (RFC 8314 §7.3) and POP3S 995 (RFC 8314 §7.2). */
    public static final Set<Integer> USUAL_IMPLICIT_TLS_PORTS = Set.of(465, 995);

    /** The reply timeout a session has unless the user sets another. */
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(60);

    public ClientOptions {
        Objects.requireNonNull(connectTimeout);
        Objects.requireNonNull(replyTimeout);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(tlsLayer);
        implicitTlsPorts = Set.copyOf(implicitTlsPorts);
    }

    public static ClientOptions defaults(TlsLayer tlsLayer) {
        return new ClientOptions(Duration.ofSeconds(15), DEFAULT_REPLY_TIMEOUT, WireLimits.RFC, tlsLayer,
                USUAL_IMPLICIT_TLS_PORTS);
    }

    public ClientOptions withReplyTimeout(Duration timeout) {
        return new ClientOptions(connectTimeout, timeout, limits, tlsLayer, implicitTlsPorts);
    }

    public ClientOptions withConnectTimeout(Duration timeout) {
        return new ClientOptions(timeout, replyTimeout, limits, tlsLayer, implicitTlsPorts);
    }

    public ClientOptions withTlsLayer(TlsLayer layer) {
        return new ClientOptions(connectTimeout, replyTimeout, limits, layer, implicitTlsPorts);
    }

    public ClientOptions withImplicitTlsPorts(Set<Integer> ports) {
        return new ClientOptions(connectTimeout, replyTimeout, limits, tlsLayer, ports);
    }
}
