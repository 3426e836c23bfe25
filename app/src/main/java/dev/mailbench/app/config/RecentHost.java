package dev.mailbench.app.config;

import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A server the user connected to: enough to connect again with one click.
 *
 * @param replyTimeout how long the session waited for a reply, in whole seconds
 */
public record RecentHost(String host, int port, MailProtocol protocol, TlsMode tlsMode, Duration replyTimeout) {

    public RecentHost {
        Objects.requireNonNull(host);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(tlsMode);
        if (replyTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("not a reply timeout: " + replyTimeout);
        }
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not a host name: '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /** A server with the usual reply timeout ({@link ClientOptions#DEFAULT_REPLY_TIMEOUT}). */
    public RecentHost(String host, int port, MailProtocol protocol, TlsMode tlsMode) {
        this(host, port, protocol, tlsMode, ClientOptions.DEFAULT_REPLY_TIMEOUT);
    }

    /** Whether the two name the same server the same way, whatever their reply timeouts. */
    public boolean sameServer(RecentHost other) {
        return host.equals(other.host) && port == other.port && protocol == other.protocol && tlsMode == other.tlsMode;
    }

    /** How it is shown in a menu: {@code smtp.example.test:587 (SMTP, STARTTLS)}. */
    public String label() {
        String tls = switch (tlsMode) {
            case NONE -> "plain";
            case STARTTLS -> protocol == MailProtocol.SMTP ? "STARTTLS" : "STLS";
            case IMPLICIT -> "implicit TLS";
        };
        return host + ":" + port + " (" + protocol + ", " + tls + ")";
    }

    /**
     * One line of the recent-hosts file: {@code SMTP STARTTLS smtp.example.test 587}, and a reply timeout other
     * than the usual one in seconds ({@code SMTP NONE slow.example.test 25 180}).
     */
    String line() {
        String line = protocol + " " + tlsMode + " " + host + " " + port;
        return replyTimeout.equals(ClientOptions.DEFAULT_REPLY_TIMEOUT) ? line : line + " " + replyTimeout.toSeconds();
    }

    /** The TLS word of a line, also in the words people use: STLS for POP3's STARTTLS, plain, SSL. */
    private static TlsMode tlsMode(String word) {
        return switch (word.toUpperCase(Locale.ROOT)) {
            case "STLS" -> TlsMode.STARTTLS;
            case "PLAIN" -> TlsMode.NONE;
            case "SSL", "TLS" -> TlsMode.IMPLICIT;
            default -> TlsMode.valueOf(word.toUpperCase(Locale.ROOT));
        };
    }

    /** Reads a line written by {@link #line()}; anything else (a hand edit gone wrong) is skipped. */
    static Optional<RecentHost> parse(String line) {
        String[] words = line.strip().split("\\s+");
        if (words.length != 4 && words.length != 5) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RecentHost(words[2], Integer.parseInt(words[3]),
                    MailProtocol.valueOf(words[0].toUpperCase(Locale.ROOT)),
                    tlsMode(words[1]), words.length == 5 ? Duration.ofSeconds(Long.parseLong(words[4]))
                            : ClientOptions.DEFAULT_REPLY_TIMEOUT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
