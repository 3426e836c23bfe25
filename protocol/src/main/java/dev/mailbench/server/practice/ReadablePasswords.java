package dev.mailbench.server.practice;

import java.security.SecureRandom;

/**
 * Passwords a student can read off a card and type: three groups of four lower-case letters and digits
 * ({@code k7dm-p3xe-uvha}), without the characters one mistakes for another ({@code 0 o 1 l i}), drawn from a
 * {@link SecureRandom}: 31 symbols to the twelfth power, about 59 bits.
 */
public final class ReadablePasswords {
    /** Lower case only, and none of 0/o, 1/l/i, which look alike on paper and on a projector. */
    public static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final SecureRandom random;

    public ReadablePasswords(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        StringBuilder password = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
