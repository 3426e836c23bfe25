package dev.mailbench.sasl;

import java.util.Optional;
import java.util.Locale;

/** The client side of one SASL mechanism, as SMTP AUTH (RFC 4954) and POP3 AUTH (RFC 5034) drive it. */
public interface SaslClientMechanism {

    /** The registered name, as sent after AUTH. */
    String name();

    /** The response sent with the AUTH command itself (RFC 4954 §4), if the mechanism starts that way. */
    Optional<byte[]> initialResponse();

    /** The response to a server challenge (already base64-decoded). */
    byte[] respond(byte[] challenge);

    /** Creates a mechanism by name for the given credentials. */
    static SaslClientMechanism forName(String name, String user, String password) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> new PlainClient("", user, password);
            case "LOGIN" -> new LoginClient(user, password);
            case "CRAM-MD5" -> new CramMd5Client(user, password);
            default -> throw new IllegalArgumentException("unsupported SASL mechanism: " + name);
        };
    }
}
