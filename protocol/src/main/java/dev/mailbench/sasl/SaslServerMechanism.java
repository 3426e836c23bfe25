package dev.mailbench.sasl;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The server side of one SASL exchange (RFC 4422 §3), as SMTP AUTH (RFC 4954) and POP3 AUTH (RFC 5034)
 * drive it. One object per exchange: {@link #start} with the initial response the client sent with the
 * command (if any), then {@link #step} with each further response, until an {@link SaslStep.Authenticated}
 * or {@link SaslStep.Rejected} ends it. Payloads are raw bytes; base64 belongs to the protocol.
 */
public interface SaslServerMechanism {

    /** The mechanisms the practice server offers, in the order it lists them. */
    List<String> NAMES = List.of("PLAIN", "LOGIN", "CRAM-MD5");

    /** The offered mechanisms that carry the password itself (RFC 4616 PLAIN; LOGIN), readable without TLS. */
    List<String> CLEAR_TEXT = List.of("PLAIN", "LOGIN");

    /** Whether a mechanism (any case) sends the password in clear. */
    static boolean sendsPasswordInClear(String name) {
        return CLEAR_TEXT.contains(name.toUpperCase(Locale.ROOT));
    }

    /** The registered mechanism name, upper case. */
    String name();

    /** Begins the exchange; {@code initialResponse} is what came with the AUTH command, decoded. */
    SaslStep start(Optional<byte[]> initialResponse);

    /** The client's answer to the last challenge, decoded. */
    SaslStep step(byte[] response);

    /**
     * A fresh exchange for a mechanism name (case-insensitive), or empty if the name is not one of
     * {@link #NAMES}. {@code hostName} goes into CRAM-MD5's challenge.
     */
    static Optional<SaslServerMechanism> forName(String name, CredentialsCheck credentials, String hostName) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "PLAIN" -> Optional.of(new PlainServer(credentials));
            case "LOGIN" -> Optional.of(new LoginServer(credentials));
            case "CRAM-MD5" -> Optional.of(new CramMd5Server(credentials, hostName));
            default -> Optional.empty();
        };
    }
}
