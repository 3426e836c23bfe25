package dev.mailbench.diagnose;

import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One server to diagnose.
 *
 * @param uri        where to connect: for an MX host found through a chosen resolver, its address, so that the
 *                   system's resolver is not asked a second time
 * @param name       the name the server should go by: in its banner and its certificate
 * @param mailDomain the domain whose postmaster must exist ({@code postmaster} check); the MX lookup's domain, or
 *                   guessed from the host name
 * @param label      how reports name the target: {@code smtp://mx1.example.test:25 (MX 10 for example.test)}
 * @param dnsNote    what the MX lookup found, the first line of the transcript; empty for a target given as a URI
 */
public record ServerTarget(ServerAddress uri, String name, String mailDomain, String label, String dnsNote) {

    private static final Pattern ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

    public ServerTarget {
        Objects.requireNonNull(uri);
        Objects.requireNonNull(name);
        Objects.requireNonNull(mailDomain);
        Objects.requireNonNull(label);
        Objects.requireNonNull(dnsNote);
    }

    /**
     * A server given as a URI. Its mail domain is the host name without its first label when it has three or more
     * ({@code mail.example.test} → {@code example.test}), else the host name itself; an address has none until its
     * banner names it.
     */
    public static ServerTarget of(ServerAddress uri) {
        return new ServerTarget(uri, uri.host(), isAddress(uri.host()) ? "" : domainOf(uri.host()), uri.toString(), "");
    }

    /**
     * An MX host of {@code domain}, diagnosed on {@code port} (25 but in tests).
     *
     * @param dnsNote what the lookup found, in a sentence
     */
    public static ServerTarget of(MailExchanger exchanger, String domain, int port, String dnsNote) {
        String host = exchanger.addresses().isEmpty() ? exchanger.name()
                : exchanger.addresses().get(0).getHostAddress();
        ServerAddress uri = new ServerAddress(host, port, MailProtocol.SMTP, TlsMode.NONE);
        String label = new ServerAddress(exchanger.name(), port, MailProtocol.SMTP, TlsMode.NONE)
                + (exchanger.implicit() ? " (no MX: the address of " + domain + ")"
                        : " (MX " + exchanger.preference() + " for " + domain + ")");
        return new ServerTarget(uri, exchanger.name(), domain, label, dnsNote);
    }

    /** Whether the name connected to is an address, not a host name: no banner or certificate can be held to it. */
    public boolean byAddress() {
        return isAddress(name);
    }

    static boolean isAddress(String host) {
        return ADDRESS.matcher(host).matches();
    }

    static String domainOf(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] labels = name.split("\\.");
        return (labels.length >= 3 ? name.substring(name.indexOf('.') + 1) : name).toLowerCase(Locale.ROOT);
    }
}
