package dev.mailbench.sasl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The APOP digest (RFC 1939 §7): the lower-case hex MD5 of the server greeting's timestamp followed by the
 * shared secret, so the secret itself never crosses the wire. The client computes it to send, the server
 * to compare; both read it here.
 */
public final class ApopDigest {

    private ApopDigest() {
    }

    /**
     * The digest for a timestamp as it appears in the greeting, angle brackets included
     * ({@code <1896.697170952@dbc.mtview.ca.us>}), and a secret.
     */
    public static String of(String timestamp, String secret) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            return HexFormat.of().formatHex(md5.digest((timestamp + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    /**
     * Whether a digest a client sent is the one for this timestamp and secret. RFC 1939 §7 gives the
     * digest in lower case; an upper-case one is accepted too. Compared in constant time, so the time
     * taken tells nothing about how much of it was right.
     */
    public static boolean matches(String timestamp, String secret, String given) {
        byte[] expected = of(timestamp, secret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
