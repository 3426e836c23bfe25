package dev.mailbench.diagnose;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Finds where a domain's mail goes, as RFC 5321 §5.1 says a sending server does: its MX records in preference
 * order, or, when it has none, the domain's own A/AAAA address as an implicit MX of preference 0. Asks one DNS
 * server (the system's, or one chosen with {@code --resolver}) and nothing else; names are absolute, so no search
 * domain is ever appended.
 */
public final class MxLookup {

    /** The lookup found nothing to diagnose; the message is a sentence for the user. */
    public static final class NoMailExchangers extends IOException {
        private static final long serialVersionUID = 1L;

        NoMailExchangers(String message) {
            super(message);
        }
    }

    private final Resolver resolver;

    private MxLookup(Resolver resolver) {
        this.resolver = resolver;
    }

    /** Asks the DNS servers the system is configured with. */
    public static MxLookup system(Duration timeout) {
        ExtendedResolver resolver = new ExtendedResolver();
        resolver.setTimeout(timeout);
        return new MxLookup(resolver);
    }

    /**
     * Asks the DNS server at {@code HOST[:PORT]} (port 53 unless given; an IPv6 address in brackets).
     *
     * @throws IllegalArgumentException when the text is not such an address
     */
    public static MxLookup at(String hostAndPort, Duration timeout) throws UnknownHostException {
        String host = hostAndPort.strip();
        int port = 53;
        int colon = host.lastIndexOf(':');
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("not a resolver address: " + hostAndPort);
            }
            if (close + 1 < host.length()) {
                port = port(host.substring(close + 2), hostAndPort);
            }
            host = host.substring(1, close);
        } else if (colon >= 0 && host.indexOf(':') == colon) {
            port = port(host.substring(colon + 1), hostAndPort);
            host = host.substring(0, colon);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("not a resolver address: " + hostAndPort);
        }
        SimpleResolver resolver = new SimpleResolver(host);
        resolver.setPort(port);
        resolver.setTimeout(timeout);
        return new MxLookup(resolver);
    }

    private static int port(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a resolver port in " + whole + ": " + text, e);
        }
    }

    /**
     * The domain's mail exchangers, most preferred first (equal preferences by name, so a report reads the same each
     * time, where a sending server would pick at random).
     *
     * @throws NoMailExchangers when the domain does not exist, declares it takes no mail (a null MX, RFC 7505), or
     *                          has neither MX nor address
     * @throws IOException      when the DNS server does not answer
     */
    public List<MailExchanger> lookup(String domain) throws IOException {
        Name name = absolute(domain);
        Message answer = ask(name, Type.MX);
        if (answer.getRcode() == Rcode.NXDOMAIN) {
            throw new NoMailExchangers("the domain " + domain + " does not exist (DNS answered NXDOMAIN)");
        }
        if (answer.getRcode() != Rcode.NOERROR) {
            throw new IOException("the DNS server could not answer for " + domain + " ("
                    + Rcode.string(answer.getRcode()) + ")");
        }
        List<MXRecord> records = new ArrayList<>();
        for (Record record : answer.getSection(Section.ANSWER)) {
            if (record instanceof MXRecord mx) {
                records.add(mx);
            }
        }
        if (records.size() == 1 && records.get(0).getTarget().equals(Name.root)) {
            throw new NoMailExchangers(domain + " publishes a null MX: it accepts no mail (RFC 7505)");
        }
        List<MailExchanger> exchangers = new ArrayList<>();
        if (records.isEmpty()) {
            // RFC 5321 §5.1: no MX, so the domain itself is the implicit MX with preference 0.
            List<InetAddress> addresses = addresses(name);
            if (addresses.isEmpty()) {
                throw new NoMailExchangers(domain + " has no MX record and no address: it cannot receive mail");
            }
            exchangers.add(new MailExchanger(text(name), 0, true, addresses));
            return exchangers;
        }
        records.sort(Comparator.comparingInt(MXRecord::getPriority).thenComparing(mx -> text(mx.getTarget())));
        for (MXRecord mx : records) {
            exchangers.add(new MailExchanger(text(mx.getTarget()), mx.getPriority(), false, addresses(mx.getTarget())));
        }
        return exchangers;
    }

    /** The A and then AAAA addresses of a name; none when it has none or the server would not say. */
    private List<InetAddress> addresses(Name name) throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Message answer = ask(name, type);
            for (Record record : answer.getSection(Section.ANSWER)) {
                if (record instanceof ARecord a) {
                    addresses.add(a.getAddress());
                } else if (record instanceof AAAARecord aaaa) {
                    addresses.add(aaaa.getAddress());
                }
            }
        }
        return addresses;
    }

    private Message ask(Name name, int type) throws IOException {
        return resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
    }

    private static Name absolute(String domain) throws NoMailExchangers {
        try {
            return Name.fromString(domain.strip().endsWith(".") ? domain.strip() : domain.strip() + ".");
        } catch (TextParseException e) {
            throw new NoMailExchangers("not a domain name: " + domain);
        }
    }

    private static String text(Name name) {
        String text = name.toString(true);
        return text.toLowerCase(Locale.ROOT);
    }
}
