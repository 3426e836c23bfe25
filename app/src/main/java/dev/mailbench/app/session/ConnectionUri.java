package dev.mailbench.app.session;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

/**
 * A server written as a URI, for {@code mailbench --connect}: {@code smtp://host:port}, {@code smtps://} for
 * implicit TLS (RFC 8314), {@code smtp+starttls://}; the same with {@code pop3}, {@code pop3s} and
 * {@code pop3+stls}. Without a port, the usual one for the scheme.
 */
public final class ConnectionUri {

    private ConnectionUri() {
    }

    /**
     * @throws IllegalArgumentException with a sentence for the user when the text is not such a URI
     */
    public static ConnectionSettings parse(String text) {
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
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("no host in " + text);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 literal
        }
        int port = uri.getPort() < 0 ? ConnectionSettings.defaultPort(protocol, tls) : uri.getPort();
        return new ConnectionSettings(host, port, protocol, tls);
    }
}
