package dev.mailbench.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises IPv4 and IPv6 address literals without ever asking a name server: a host name must not turn
 * into a DNS lookup just because it is being classified.
 */
final class IpLiteral {

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {
    }

    /** The address {@code text} spells, if it is an IPv4 dotted quad or an IPv6 literal (brackets allowed). */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        Matcher quad = DOTTED_QUAD.matcher(literal);
        if (quad.matches()) {
            byte[] octets = new byte[4];
            for (int i = 0; i < 4; i++) {
                int value = Integer.parseInt(quad.group(i + 1));
                if (value > 255) {
                    return Optional.empty();
                }
                octets[i] = (byte) value;
            }
            return address(octets);
        }
        if (literal.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(literal).matches()) {
            try {
                // In brackets the JDK parses an IPv6 literal or fails; it never falls back to a lookup.
                return Optional.of(InetAddress.getByName("[" + literal + "]"));
            } catch (UnknownHostException notALiteral) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<InetAddress> address(byte[] octets) {
        try {
            return Optional.of(InetAddress.getByAddress(octets));
        } catch (UnknownHostException impossible) {
            return Optional.empty(); // only thrown for a wrong array length
        }
    }
}
