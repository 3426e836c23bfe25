package dev.mailbench.authenticity;

import java.util.List;

/**
 * One DKIM signature checked.
 *
 * @param signature the field, tag by tag
 * @param bodyHash  the body hash recomputed beside the claimed one
 * @param verdict   the header signature's check
 * @param reason    a sentence saying why the verdict is what it is
 * @param key       the key record used, or null when none was found
 * @param findings  what is wrong with the field or its key, each with its rule
 */
public record DkimResult(SignatureField signature, BodyHash bodyHash, Verdict verdict, String reason, KeyRecord key,
        List<Finding> findings) {

    /** RFC 6376 §6.1: a signature verifies only when both the body hash and the header signature do. */
    public boolean passes() {
        return verdict == Verdict.PASS && bodyHash.passes();
    }
}
