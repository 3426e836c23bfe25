package dev.mailbench.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the practice server, in one place, with the RFCs' values as defaults.
 *
 * @param maxLineLength   longest command or text line in octets including CRLF (RFC 5321 §4.5.3.1.4/§4.5.3.1.6: 512 for
 *                        commands, 1000 for text lines; one limit of 1000 is applied to both, as most servers do)
 * @param maxMessageSize  largest message accepted, advertised with SIZE (RFC 1870); 0 means unlimited
 * @param maxRecipients   recipients per message; RFC 5321 §4.5.3.1.8 requires accepting at least 100
 * @param maxConnections  concurrent connections per protocol; beyond it the server answers 421 4.7.0 / -ERR [SYS/TEMP]
 * @param idleTimeout     how long a connection may stay silent (RFC 5321 §4.5.3.2.7: at least 5 minutes;
 *                        RFC 1939 §3: at least 10 minutes for POP3's autologout timer)
 * @param maxFailedAuth   failed authentications before the connection is closed
 * @param maxErrors       syntax or sequence errors before the connection is closed (the "error budget")
 */
public record ServerLimits(int maxLineLength, long maxMessageSize, int maxRecipients, int maxConnections,
                           Duration idleTimeout, int maxFailedAuth, int maxErrors) {

    public static final ServerLimits DEFAULTS =
            new ServerLimits(1000, 25L * 1024 * 1024, 100, 50, Duration.ofMinutes(10), 3, 20);

    public ServerLimits {
        Objects.requireNonNull(idleTimeout);
        if (maxLineLength < 512) {
            throw new IllegalArgumentException("maxLineLength must be at least 512 (RFC 5321 §4.5.3.1.4)");
        }
        if (maxRecipients < 1 || maxConnections < 1 || maxFailedAuth < 1 || maxErrors < 1 || maxMessageSize < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ServerLimits withIdleTimeout(Duration timeout) {
        return new ServerLimits(maxLineLength, maxMessageSize, maxRecipients, maxConnections, timeout, maxFailedAuth, maxErrors);
    }

    public ServerLimits withMaxMessageSize(long size) {
        return new ServerLimits(maxLineLength, size, maxRecipients, maxConnections, idleTimeout, maxFailedAuth, maxErrors);
    }

    public ServerLimits withMaxRecipients(int recipients) {
        return new ServerLimits(maxLineLength, maxMessageSize, recipients, maxConnections, idleTimeout, maxFailedAuth, maxErrors);
    }

    public ServerLimits withMaxConnections(int connections) {
        return new ServerLimits(maxLineLength, maxMessageSize, maxRecipients, connections, idleTimeout, maxFailedAuth, maxErrors);
    }
}
