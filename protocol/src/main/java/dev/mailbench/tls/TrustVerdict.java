package dev.mailbench.tls;

import java.util.Objects;

/**
 * The outcome of checking a certificate chain against the trusted certificates.
 *
 * @param trusted whether the chain was accepted
 * @param problem why it was not ("self-signed", "unknown issuer CN=...", "expired on ...", ...); empty when
 *        trusted
 */
public record TrustVerdict(boolean trusted, String problem) {

    public TrustVerdict {
        Objects.requireNonNull(problem, "problem");
        if (trusted && !problem.isEmpty()) {
            throw new IllegalArgumentException("A trusted chain has no problem");
        }
        if (!trusted && problem.isEmpty()) {
            throw new IllegalArgumentException("An untrusted chain needs a reason");
        }
    }

    static TrustVerdict trustedChain() {
        return new TrustVerdict(true, "");
    }

    static TrustVerdict untrusted(String problem) {
        return new TrustVerdict(false, problem);
    }
}
