package dev.mailbench.authenticity;

import dev.mailbench.mime.HeaderField;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The verification steps DKIM and ARC share (RFC 6376 §3.7, §6.1.3; RFC 8617 §5.2). */
final class SignatureVerifier {

    /** The outcome of checking a signature with a key. */
    record Check(Verdict verdict, String reason, KeyRecord key, List<Finding> findings) {

        /**
         * The check with the body hash counted in: RFC 6376 §6.1.3, a body hash that does not match fails the
         * signature, however well the header fields verify (RFC 8617 §5.1.2 for an ARC-Message-Signature).
         */
        Check withBody(BodyHash body) {
            boolean judged = verdict == Verdict.PASS || verdict == Verdict.NO_KEY;
            if (!judged || body == null || body.computed() == null || body.passes()) {
                return this;
            }
            // the body hash needs no key: a changed body is known offline, whatever the key would say
            return new Check(Verdict.FAIL, "the body hash does not match bh=: the body was changed after it was"
                    + " signed" + (verdict == Verdict.PASS ? " (the header fields' signature alone verifies with the key)"
                    : " (the header fields' signature was not checked: no key)"), key, findings);
        }
    }

    private SignatureVerifier() {
    }

    /** RFC 6376 §3.7: hash the canonicalised body, the first l= bytes of it when l= is given. */
    static BodyHash bodyHash(SignatureField sig, MessageBytes message) {
        String claimed = sig.claimedBodyHash();
        if (sig.algorithm() == null || sig.bodyCanonicalization() == null) {
            return new BodyHash(claimed, null, null, 0, "the signature's a= or c= cannot be used");
        }
        byte[] canonical;
        try {
            canonical = message.canonicalBody(sig.bodyCanonicalization());
        } catch (IOException e) {
            return new BodyHash(claimed, null, null, 0, e.getMessage());
        }
        long hashed = canonical.length;
        String problem = null;
        if (sig.length() != null) {
            if (sig.length() > canonical.length) {
                // RFC 6376 §3.5 l=: a body shorter than l= cannot match; the signature fails
                problem = "l=" + sig.length() + " is longer than the canonicalised body (" + canonical.length
                        + " bytes): the body was shortened after signing";
            } else {
                hashed = sig.length();
            }
        }
        MessageDigest digest = digest(sig.algorithm());
        digest.update(canonical, 0, (int) hashed);
        String computed = Base64.getEncoder().encodeToString(digest.digest());
        if (problem == null && !computed.equals(claimed)) {
            problem = "the body as received hashes to " + computed + ", the signature says " + claimed
                    + ": the body changed after signing";
        }
        return new BodyHash(claimed, problem != null && sig.length() != null && sig.length() > canonical.length
                ? null : computed, canonical, hashed, problem);
    }

    /**
     * RFC 6376 §5.4.2: the signed header fields in h= order, each name taking the last unused instance of
     * that field from the bottom; a name with no instance left contributes nothing.
     */
    static byte[] signedHeaders(SignatureField sig, MessageBytes message) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        List<HeaderField> headers = message.headers();
        boolean[] used = new boolean[headers.size()];
        for (String name : sig.signedHeaders()) {
            for (int i = headers.size() - 1; i >= 0; i--) {
                if (!used[i] && headers.get(i).hasName(name)) {
                    used[i] = true;
                    data.writeBytes(sig.headerCanonicalization().header(message.field(headers.get(i)), true));
                    break;
                }
            }
        }
        return data.toByteArray();
    }

    /** Finds the key and verifies {@code signedData} followed by the signature field itself (§3.7). */
    static Check verify(SignatureField sig, byte[] signedData, KeySource keys) {
        List<Finding> findings = new ArrayList<>();
        if (!sig.isUsable()) {
            return new Check(Verdict.ERROR, "the " + sig.kind().fieldName() + " field is malformed: "
                    + sig.findings().get(sig.findings().size() - 1).message(), null, findings);
        }
        String name = KeySource.recordName(sig.selector(), sig.domain());
        Optional<KeyRecord> found;
        try {
            found = keys.find(sig.selector(), sig.domain());
        } catch (IOException e) {
            return new Check(Verdict.ERROR, "the key record " + name + " could not be looked up: " + e.getMessage(),
                    null, findings);
        } catch (RuntimeException e) {
            return new Check(Verdict.ERROR, "the key record " + name + " could not be looked up: " + e,
                    null, findings);
        }
        if (found.isEmpty()) {
            return new Check(Verdict.NO_KEY, keys.usesDns()
                    ? "the DNS has no key record at " + name
                    : "no key is known for " + name + " (give one, or look it up in the DNS)", null, findings);
        }
        KeyRecord key = found.get();
        for (Finding f : key.findings()) {
            findings.add(new Finding(f.rule(), "key record " + name + ": " + f.message(), null));
        }
        if (key.isRevoked()) {
            return new Check(Verdict.REVOKED, "the key record " + name + " has an empty p=: the key was revoked",
                    key, findings);
        }
        if (!key.findings().isEmpty()) {
            return new Check(Verdict.ERROR, "the key record " + name + " is malformed", key, findings);
        }
        if (!key.keyType().equals(sig.algorithm().keyType())) {
            // RFC 6376 §6.1.2 step 6: the key's k= must suit the signature's a=
            findings.add(new Finding("RFC 6376 §6.1.2", "the key is k=" + key.keyType() + " but the signature is a="
                    + sig.algorithm().word(), null));
            return new Check(Verdict.ERROR, "the key type does not match the signing algorithm", key, findings);
        }
        PublicKey publicKey;
        try {
            publicKey = key.publicKey();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            findings.add(new Finding("RFC 6376 §3.6.1", "p= holds no usable public key: " + e.getMessage(), null));
            return new Check(Verdict.ERROR, "the key in " + name + " cannot be read", key, findings);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(signedData);
        data.writeBytes(sig.withoutSignature());
        boolean valid;
        try {
            valid = check(sig.algorithm(), publicKey, data.toByteArray(), sig.signature());
        } catch (GeneralSecurityException | RuntimeException e) {
            return new Check(Verdict.ERROR, "the signature could not be checked: " + e.getMessage(), key, findings);
        }
        if (!valid) {
            return new Check(Verdict.FAIL, "the signature does not verify with the key from " + key.origin()
                    + ": a signed header field changed, or the key is not the signer's", key, findings);
        }
        if (sig.algorithm().isObsolete()) {
            return new Check(Verdict.FAIL, "the rsa-sha1 signature is mathematically correct, but rsa-sha1 is obsolete"
                    + " and must not count as valid (RFC 8301 §3.1)", key, findings);
        }
        int bits = key.rsaBits();
        if (bits > 0 && bits < 1024) {
            findings.add(new Finding("RFC 8301 §3.2", "the RSA key has " + bits + " bits; verifiers must not accept"
                    + " keys shorter than 1024", null));
            return new Check(Verdict.FAIL, "the key is too short to trust (" + bits + " bits)", key, findings);
        }
        return new Check(Verdict.PASS, "the signature verifies with the key from " + key.origin(), key, findings);
    }

    static boolean check(SigningAlgorithm algorithm, PublicKey key, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm.jcaSignature());
        verifier.initVerify(key);
        if (algorithm == SigningAlgorithm.ED25519_SHA256) {
            // RFC 8463 §3: Ed25519 signs the SHA-256 hash of the data, not the data itself
            verifier.update(digest(algorithm).digest(data));
        } else {
            verifier.update(data);
        }
        return verifier.verify(signature);
    }

    static MessageDigest digest(SigningAlgorithm algorithm) {
        try {
            return MessageDigest.getInstance(algorithm.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm.digest(), e);
        }
    }
}
