package dev.mailbench.wire;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a client session connects, and how: host, port, protocol and TLS mode. Written as a URI
 * ({@link #parse}): {@code smtp://host:port}, {@code smtps://} for implicit TLS (RFC 8314), {@code smtp+starttls://};
 * the same with {@code pop3}, {@code pop3s} and {@code pop3+stls}. Without a port, the usual one for the scheme.
 */
public record ServerAddress(String host, int port, MailProtocol protocol, TlsMode tlsMode) {

    /** The highest TCP port number (RFC 793 §3.1: a 16-bit field). */
    public static final int MAX_PORT = 65_535;

    public ServerAddress {
        Objects.requireNonNull(host);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(tlsMode);
    }

    /**
     * @throws IllegalArgumentException with a sentence for the user when the text is not such a URI
     */
    public static ServerAddress parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a server address: " + text + " (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        MailProtocol protocol;
        TlsMode tls;
        switch (scheme) {
            case "smtp" -> {
                protocol = MailProtocol.SMTP;
                tls = TlsMode.NONE;
            }
            case "smtp+starttls" -> {
                protocol = MailProtocol.SMTP;
                tls = TlsMode.STARTTLS;
            }
            case "smtps" -> {
                protocol = MailProtocol.SMTP;
                tls = TlsMode.IMPLICIT;
            }
            case "pop3", "pop" -> {
                protocol = MailProtocol.POP3;
                tls = TlsMode.NONE;
            }
            case "pop3+stls", "pop3+starttls" -> {
                protocol = MailProtocol.POP3;
                tls = TlsMode.STARTTLS;
            }
            case "pop3s", "pops" -> {
                protocol = MailProtocol.POP3;
                tls = TlsMode.IMPLICIT;
            }
            default -> throw new IllegalArgumentException("unknown scheme in " + text
                    + ": use smtp://, smtp+starttls://, smtps://, pop3://, pop3+stls:// or pop3s://");
        }
        if (uri.getPort() < 0 && uri.getAuthority() != null && uri.getAuthority().matches(".*:[^\\]]*")) {
            // java.net.URI reads a port that is not a number ("25x", "") as no port, or no host at all
            throw new IllegalArgumentException("not a port in " + text + " (a number from 1 to " + MAX_PORT + ")");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host in " + text);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 literal
        }
        int port = uri.getPort() < 0 ? defaultPort(protocol, tls) : uri.getPort();
        if (port < 1 || port > MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " in " + text + " is not a TCP port (1 to " + MAX_PORT
                    + ")");
        }
        return new ServerAddress(host, port, protocol, tls);
    }

    /** The usual port for a protocol and TLS mode: 25/587/465 for SMTP (RFC 6409, RFC 8314), 110/995 for POP3. */
    public static int defaultPort(MailProtocol protocol, TlsMode tlsMode) {
        return switch (protocol) {
            case SMTP -> switch (tlsMode) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case IMPLICIT -> 465;
            };
            case POP3 -> tlsMode == TlsMode.IMPLICIT ? 995 : 110;
        };
    }

    /** Whether the text is written as a URI ({@code scheme://…}) rather than a bare domain. */
    public static boolean looksLikeUri(String text) {
        return text.contains("://");
    }

    /** The address as {@link #parse} reads it: {@code smtp+starttls://127.0.0.1:2525}. */
    @Override
    public String toString() {
        return toUri();
    }

    /** The address as {@link #parse} reads it: {@code smtp+starttls://127.0.0.1:2525}. */
    public String toUri() {
        return scheme() + "://" + hostForUri() + ":" + port;
    }

    /** The URI scheme that says the protocol and TLS mode: {@code smtp}, {@code smtp+starttls}, {@code pop3s} … */
    public String scheme() {
        return switch (protocol) {
            case SMTP -> switch (tlsMode) {
                case NONE -> "smtp";
                case STARTTLS -> "smtp+starttls";
                case IMPLICIT -> "smtps";
            };
            case POP3 -> switch (tlsMode) {
                case NONE -> "pop3";
                case STARTTLS -> "pop3+stls";
                case IMPLICIT -> "pop3s";
            };
        };
    }

    /** The host as a URI or {@code host:port} pair writes it: an IPv6 literal in brackets. */
    public String hostForUri() {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
