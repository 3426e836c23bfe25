package dev.mailbench.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow password hashes for USER/PASS, PLAIN and LOGIN, stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (PBKDF2, RFC 8018 §5.2).
 */
public final class PasswordHash {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 60_000;
    private static final int GENERATED_ITERATIONS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    public static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    /**
     * A hash of a password the server generated at random (a class's, about 59 bits): stretching slows the
     * guessing of passwords people choose, and a random one of that strength needs little of it. Keeps starting a
     * class of a hundred, and a hundred students logging in, cheap.
     */
    public static String hashGenerated(String password) {
        return hash(password, GENERATED_ITERATIONS);
    }

    /**
     * A hash of a password the same file also keeps in clear, as an account's APOP and CRAM-MD5 secret: whoever
     * reads the hash reads the password beside it, so stretching protects nothing there, and it would slow every
     * start, which checks that the two agree.
     */
    public static String hashOfStoredSecret(String password) {
        return hash(password, GENERATED_ITERATIONS);
    }

    private static String hash(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return SCHEME + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
    }

    /** Whether the password matches; false for a malformed stored hash. Compares in constant time. */
    public static boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static boolean looksLikeHash(String value) {
        return value.startsWith(SCHEME + "$");
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every Java platform", e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
