package dev.mailbench.sasl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** CRAM-MD5 (RFC 2195): the reply is the user name and HMAC-MD5 of the challenge keyed with the password. */
public final class CramMd5Client implements SaslClientMechanism {
    private final String user;
    private final String password;

    public CramMd5Client(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public String name() {
        return "CRAM-MD5";
    }

    @Override
    public Optional<byte[]> initialResponse() {
        return Optional.empty();
    }

    @Override
    public byte[] respond(byte[] challenge) {
        return (user + " " + digest(password, challenge)).getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 2195 §2: lower-case hex of HMAC-MD5 (RFC 2104) over the challenge, keyed with the shared secret. */
    public static String digest(String secret, byte[] challenge) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            return HexFormat.of().formatHex(mac.doFinal(challenge));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is required of every Java platform", e);
        }
    }
}
