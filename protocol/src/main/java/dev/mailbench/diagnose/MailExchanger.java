package dev.mailbench.diagnose;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * A host that takes mail for a domain, as DNS says.
 *
 * @param name       the host name, without the trailing dot
 * @param preference the MX preference, lower first; 0 for the implicit MX
 * @param implicit   whether there was no MX record and the domain's own address stands in (RFC 5321 §5.1)
 * @param addresses  its A and AAAA addresses, as the same resolver gave them
 */
public record MailExchanger(String name, int preference, boolean implicit, List<InetAddress> addresses) {
    public MailExchanger {
        Objects.requireNonNull(name);
        addresses = List.copyOf(addresses);
    }
}
