package dev.mailbench.authenticity;

import dev.mailbench.mime.HeaderField;

/**
 * One ARC set (RFC 8617 §4.1): the three fields of one instance, each checked.
 *
 * @param instance      i=
 * @param seal          the ARC-Seal, or null when the instance has none (or more than one)
 * @param messageSignature the ARC-Message-Signature, or null likewise
 * @param results       the ARC-Authentication-Results, or null likewise
 * @param bodyHash      the message signature's body hash recomputed, or null when there is no usable one
 * @param messageVerdict the message signature's check
 * @param messageReason  why
 * @param sealVerdict   the seal's check
 * @param sealReason    why
 */
public record ArcSet(int instance, SignatureField seal, SignatureField messageSignature, HeaderField results,
        BodyHash bodyHash, Verdict messageVerdict, String messageReason, Verdict sealVerdict, String sealReason) {

    /** cv= of the seal, or null. */
    public String chainValidation() {
        return seal == null ? null : seal.chainValidation();
    }
}
