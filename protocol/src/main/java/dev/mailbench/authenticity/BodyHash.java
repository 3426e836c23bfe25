package dev.mailbench.authenticity;

/**
 * The body hash recomputed (RFC 6376 §3.7): the body canonicalised, cut at {@code l=}, hashed.
 *
 * @param claimed         bh= as the signature states it (base64)
 * @param computed        the hash of this message's body (base64), or null when it could not be computed
 * @param canonicalBody   the canonicalised body whole, for display (what the hash covers is its first
 *                        {@code hashedLength} bytes)
 * @param hashedLength    how many bytes of the canonical body were hashed
 * @param problem         why it could not be computed or why it fails, or null when it passes
 */
public record BodyHash(String claimed, String computed, byte[] canonicalBody, long hashedLength, String problem) {

    public boolean passes() {
        return computed != null && computed.equals(claimed);
    }

    /** "pass", "fail", or "not-computed" when the signature's fields did not allow computing it. */
    public String word() {
        return computed == null ? "not-computed" : passes() ? "pass" : "fail";
    }

    /** Bytes of the canonical body after l=, which no signature covers (RFC 6376 §8.2). */
    public long unsignedLength() {
        return canonicalBody == null ? 0 : Math.max(0, canonicalBody.length - hashedLength);
    }
}
