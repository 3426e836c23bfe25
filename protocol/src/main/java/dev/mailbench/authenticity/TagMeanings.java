package dev.mailbench.authenticity;

import java.util.Map;

/** What each tag of a signature field means, for a reader new to DKIM (RFC 6376 §3.5, RFC 8617 §4.1). */
public final class TagMeanings {

    private static final Map<String, String> DKIM = Map.ofEntries(
            Map.entry("v", "version of the DKIM-Signature specification (always 1)"),
            Map.entry("a", "signing algorithm: rsa-sha256, ed25519-sha256 (rsa-sha1 is obsolete)"),
            Map.entry("c", "canonicalisation of header/body: simple or relaxed (§3.4)"),
            Map.entry("d", "signing domain: the domain that takes responsibility"),
            Map.entry("s", "selector: which of the domain's keys, at s._domainkey.d"),
            Map.entry("h", "signed header fields, in the order they were hashed"),
            Map.entry("bh", "hash of the canonicalised body, base64"),
            Map.entry("b", "the signature itself, base64"),
            Map.entry("l", "how many bytes of the canonicalised body are signed; the rest is not"),
            Map.entry("t", "signing time, seconds since 1970"),
            Map.entry("x", "expiry time, seconds since 1970"),
            Map.entry("i", "agent or user identity on whose behalf the message was signed"),
            Map.entry("q", "how to get the key: dns/txt"),
            Map.entry("z", "copies of the signed header fields, for diagnosis"),
            Map.entry("cv", "chain validation: what this sealer found of the ARC chain before it"));

    private TagMeanings() {
    }

    public static String of(SignatureField.Kind kind, String tag) {
        if (kind != SignatureField.Kind.DKIM && tag.equals("i")) {
            return "instance: the number of this ARC set, 1 for the first hop";
        }
        return DKIM.getOrDefault(tag, "a tag this verifier does not know; RFC 6376 §3.2 says to ignore it");
    }
}
