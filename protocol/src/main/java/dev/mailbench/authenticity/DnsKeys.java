package dev.mailbench.authenticity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Key records looked up in the DNS (RFC 6376 §3.6.2), only when the user asks: a TXT query for
 * {@code selector._domainkey.domain} to the system's resolver or to a named server.
 */
public final class DnsKeys implements KeySource {

    private final InetSocketAddress server;
    private final Duration timeout;
    private final List<String> asked = new ArrayList<>();

    private DnsKeys(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
    }

    /** The resolver the system names (resolv.conf on Linux). */
    public static DnsKeys system() {
        return new DnsKeys(null, Duration.ofSeconds(5));
    }

    /** A particular DNS server, e.g. one a test started on the loopback interface. */
    public static DnsKeys server(InetSocketAddress server, Duration timeout) {
        return new DnsKeys(server, timeout);
    }

    @Override
    public Optional<KeyRecord> find(String selector, String domain) throws IOException {
        String name = KeySource.recordName(selector, domain);
        SimpleResolver resolver = server == null ? new SimpleResolver() : new SimpleResolver(server);
        resolver.setTimeout(timeout);
        Name query;
        try {
            query = Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IOException(name + " is no DNS name: " + e.getMessage(), e);
        }
        synchronized (asked) {
            asked.add(name);
        }
        Message answer = resolver.send(Message.newQuery(Record.newRecord(query, Type.TXT, DClass.IN)));
        int rcode = answer.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return Optional.empty();
        }
        if (rcode != Rcode.NOERROR) {
            throw new IOException("the DNS answered " + Rcode.string(rcode) + " for " + name);
        }
        for (Record r : answer.getSection(Section.ANSWER)) {
            if (r instanceof TXTRecord txt) {
                // RFC 6376 §3.6.2.2: the strings of one TXT record are joined without spaces
                return Optional.of(KeyRecord.parse(String.join("", txt.getStrings()), "DNS (" + name + ")"));
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean usesDns() {
        return true;
    }

    /** The names asked about so far, in order. */
    public List<String> asked() {
        synchronized (asked) {
            return List.copyOf(asked);
        }
    }
}
