package dev.mailbench.wire;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A mail server written as a URI: {@code smtp://host:port}, {@code smtp+starttls://}, {@code smtps://} for implicit
 * TLS (RFC 8314 §3.3); the same with {@code pop3}, {@code pop3+stls} and {@code pop3s}. Without a port, the usual
 * one for the scheme: 25, 587, 465, 110, 995.
 *
 * @param host a host name or an address, an IPv6 address without its brackets
 */
public record ServerUri(String host, int port, MailProtocol protocol, TlsMode tlsMode) {

    public ServerUri {
        Objects.requireNonNull(host);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(tlsMode);
    }

    /**
     * @throws IllegalArgumentException with a sentence for the user when the text is not such a URI
     */
    public static ServerUri parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a server address: " + text + " (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        MailProtocol protocol = switch (scheme) {
            case "smtp", "smtp+starttls", "smtps" -> MailProtocol.SMTP;
            case "pop3", "pop", "pop3+stls", "pop3+starttls", "pop3s", "pops" -> MailProtocol.POP3;
            default -> throw new IllegalArgumentException("unknown scheme in " + text
                    + ": use smtp://, smtp+starttls://, smtps://, pop3://, pop3+stls:// or pop3s://");
        };
        TlsMode tls = switch (scheme) {
            case "smtp+starttls", "pop3+stls", "pop3+starttls" -> TlsMode.STARTTLS;
            case "smtps", "pop3s", "pops" -> TlsMode.IMPLICIT;
            default -> TlsMode.NONE;
        };
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host in " + text);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 literal
        }
        int port = uri.getPort() < 0 ? defaultPort(protocol, tls) : uri.getPort();
        return new ServerUri(host, port, protocol, tls);
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

    /** Back as a URI, {@code smtp+starttls://mail.example.test:587}, an IPv6 address in brackets. */
    @Override
    public String toString() {
        String scheme = switch (protocol) {
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
        return scheme + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
