package dev.mailbench.authenticity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A DKIM key record (RFC 6376 §3.6.1), as published in a TXT record at
 * {@code selector._domainkey.domain}.
 *
 * @param text     the record as read, its character-strings joined
 * @param keyType  {@code k=}, {@code rsa} when absent
 * @param key      the decoded {@code p=}; empty when the key is revoked
 * @param origin   where it came from, for the user: "the key file keys.zone", "pasted", "DNS"
 * @param findings what is wrong with it
 */
public record KeyRecord(String text, String keyType, byte[] key, String origin, List<Finding> findings) {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 §4), before the 32 key bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    public static KeyRecord parse(String text, String origin) {
        TagList tags = TagList.parse(text);
        List<Finding> findings = new ArrayList<>(tags.findings());
        String version = tags.value("v");
        if (version != null && !version.equals("DKIM1")) {
            findings.add(new Finding("RFC 6376 §3.6.1", "the key record's v= is \"" + version + "\", not DKIM1", null));
        }
        String keyType = tags.value("k") == null ? "rsa" : tags.value("k").toLowerCase(Locale.ROOT);
        String p = tags.value("p");
        byte[] key = new byte[0];
        if (p == null) {
            findings.add(new Finding("RFC 6376 §3.6.1", "the key record has no p= tag", null));
        } else if (!p.isEmpty()) {
            try {
                key = Base64.getDecoder().decode(p);
            } catch (IllegalArgumentException e) {
                findings.add(new Finding("RFC 6376 §3.6.1", "p= is not base64: " + e.getMessage(), null));
            }
        }
        return new KeyRecord(text, keyType, key, origin, List.copyOf(findings));
    }

    /** RFC 6376 §3.6.1: "An empty value means that this public key has been revoked." */
    public boolean isRevoked() {
        return key.length == 0 && findings.isEmpty();
    }

    /** The public key, or an exception saying why these bytes are none. */
    public PublicKey publicKey() throws GeneralSecurityException {
        if (keyType.equals("ed25519")) {
            // RFC 8463 §4: p= holds the 32 raw bytes of the key, not a SubjectPublicKeyInfo
            if (key.length != 32) {
                throw new GeneralSecurityException("an Ed25519 key is 32 bytes; p= holds " + key.length);
            }
            byte[] spki = new byte[ED25519_SPKI_PREFIX.length + 32];
            System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
            System.arraycopy(key, 0, spki, ED25519_SPKI_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        }
        if (keyType.equals("rsa")) {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key));
        }
        throw new GeneralSecurityException("k=" + keyType + " is no key type this verifier knows (rsa, ed25519)");
    }

    /** The RSA modulus length in bits, or 0 for other keys or a key that does not decode. */
    public int rsaBits() {
        try {
            return publicKey() instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength() : 0;
        } catch (GeneralSecurityException e) {
            return 0;
        }
    }
}
