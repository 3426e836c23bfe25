package dev.mailbench.authenticity;

import dev.mailbench.mime.HeaderField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checks every DKIM-Signature field of a message, in the order they stand (RFC 6376 §6). */
final class DkimVerifier {

    private DkimVerifier() {
    }

    static List<DkimResult> verify(MessageBytes message, KeySource keys) {
        List<DkimResult> results = new ArrayList<>();
        for (HeaderField field : message.headers()) {
            if (field.hasName(SignatureField.Kind.DKIM.fieldName())) {
                results.add(verify(new SignatureField(SignatureField.Kind.DKIM, field, message.field(field)), message, keys));
            }
        }
        return List.copyOf(results);
    }

    static DkimResult verify(SignatureField sig, MessageBytes message, KeySource keys) {
        List<Finding> findings = new ArrayList<>(sig.findings());
        BodyHash body = sig.isUsable()
                ? SignatureVerifier.bodyHash(sig, message)
                : new BodyHash(sig.claimedBodyHash(), null, null, 0, "the field is malformed");
        if (body.unsignedLength() > 0) {
            findings.add(new Finding("RFC 6376 §8.2", "l=" + sig.length() + " leaves " + body.unsignedLength()
                    + " bytes of the body unsigned: anyone could have added them", sig.tags().tag("l")
                    .map(Tag::range).orElse(sig.field().range())));
        }
        if (sig.expiry() != null && sig.expiry().isBefore(Instant.now())) {
            // RFC 6376 §3.5 x=: a verifier MAY treat a signature past its expiry as invalid; shown, not failed
            findings.add(new Finding("RFC 6376 §3.5", "the signature expired at " + sig.expiry()
                    + " (x=): a verifier may treat it as invalid", sig.tags().tag("x").map(Tag::range)
                    .orElse(sig.field().range())));
        }
        if (!sig.isUsable()) {
            SignatureVerifier.Check check = SignatureVerifier.verify(sig, new byte[0], keys);
            return new DkimResult(sig, body, check.verdict(), check.reason(), null, List.copyOf(findings));
        }
        SignatureVerifier.Check check = SignatureVerifier.verify(sig, SignatureVerifier.signedHeaders(sig, message), keys)
                .withBody(body);
        findings.addAll(check.findings());
        return new DkimResult(sig, body, check.verdict(), check.reason(), check.key(), List.copyOf(findings));
    }
}
