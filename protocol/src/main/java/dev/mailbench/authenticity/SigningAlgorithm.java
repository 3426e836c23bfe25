package dev.mailbench.authenticity;

/** The {@code a=} values a verifier knows (RFC 6376 §3.3, RFC 8463 §3, RFC 8301 §3.1). */
public enum SigningAlgorithm {
    RSA_SHA256("rsa-sha256", "rsa", "SHA-256", "SHA256withRSA"),
    /** RFC 8301 §3.1: signers MUST NOT use it, verifiers MUST NOT count it as valid. */
    RSA_SHA1("rsa-sha1", "rsa", "SHA-1", "SHA1withRSA"),
    /** RFC 8463 §3: Ed25519 over the SHA-256 hash of the canonicalised header fields. */
    ED25519_SHA256("ed25519-sha256", "ed25519", "SHA-256", "Ed25519");

    private final String word;
    private final String keyType;
    private final String digest;
    private final String jcaSignature;

    SigningAlgorithm(String word, String keyType, String digest, String jcaSignature) {
        this.word = word;
        this.keyType = keyType;
        this.digest = digest;
        this.jcaSignature = jcaSignature;
    }

    public static SigningAlgorithm named(String word) {
        for (SigningAlgorithm a : values()) {
            if (a.word.equalsIgnoreCase(word)) {
                return a;
            }
        }
        return null;
    }

    public String word() {
        return word;
    }

    /** The key record's {@code k=} this algorithm needs. */
    public String keyType() {
        return keyType;
    }

    /** The JCA digest name, for the body hash and (for Ed25519) the header hash. */
    public String digest() {
        return digest;
    }

    String jcaSignature() {
        return jcaSignature;
    }

    public boolean isObsolete() {
        return this == RSA_SHA1;
    }
}
