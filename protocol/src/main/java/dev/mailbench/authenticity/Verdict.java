package dev.mailbench.authenticity;

/** What a signature check came to. */
public enum Verdict {
    /** The key verifies the signature over the canonicalised header fields. */
    PASS("pass"),
    /** It does not: a signed field changed, the wrong key, or an algorithm a verifier must refuse. */
    FAIL("fail"),
    /** No key was known for the selector and domain: nothing was looked up, or nothing was found. */
    NO_KEY("no-key"),
    /** The key record has an empty p= (RFC 6376 §3.6.1): the signer withdrew the key. */
    REVOKED("revoked"),
    /** The signature or key could not be checked at all: a malformed field, an unusable key, a DNS error. */
    ERROR("error");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    /** The word used in JSON and in the window: pass, fail, no-key, revoked, error. */
    public String word() {
        return word;
    }
}
