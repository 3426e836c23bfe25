package dev.mailbench.authenticity;

import dev.mailbench.mime.HeaderField;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates a message's ARC chain (RFC 8617 §5.2). */
final class ArcVerifier {

    static final String SEAL = "ARC-Seal";
    static final String MESSAGE_SIGNATURE = "ARC-Message-Signature";
    static final String RESULTS = "ARC-Authentication-Results";
    /** RFC 8617 §4.2.1: at most 50 sets. */
    static final int MAX_INSTANCES = 50;

    private static final Pattern RESULTS_INSTANCE = Pattern.compile("^\\s*i\\s*=\\s*([0-9]{1,3})\\s*;");

    private ArcVerifier() {
    }

    static ArcResult verify(MessageBytes message, KeySource keys) {
        TreeMap<Integer, List<SignatureField>> seals = new TreeMap<>();
        TreeMap<Integer, List<SignatureField>> signatures = new TreeMap<>();
        TreeMap<Integer, List<HeaderField>> results = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        for (HeaderField h : message.headers()) {
            if (h.hasName(SEAL) || h.hasName(MESSAGE_SIGNATURE)) {
                SignatureField.Kind kind = h.hasName(SEAL) ? SignatureField.Kind.ARC_SEAL : SignatureField.Kind.ARC_MESSAGE;
                SignatureField sig = new SignatureField(kind, h, message.field(h));
                findings.addAll(sig.findings());
                if (sig.instance() == null) {
                    continue;
                }
                (kind == SignatureField.Kind.ARC_SEAL ? seals : signatures)
                        .computeIfAbsent(sig.instance(), k -> new ArrayList<>()).add(sig);
            } else if (h.hasName(RESULTS)) {
                Matcher m = RESULTS_INSTANCE.matcher(h.value());
                if (m.find()) {
                    results.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>()).add(h);
                } else {
                    findings.add(new Finding("RFC 8617 §4.1.1", "an ARC-Authentication-Results field without"
                            + " i= at its start", h.range()));
                }
            }
        }
        if (seals.isEmpty() && signatures.isEmpty() && results.isEmpty()) {
            return new ArcResult(List.of(), "none", "the message has no ARC fields", List.copyOf(findings));
        }
        int highest = Math.max(seals.isEmpty() ? 0 : seals.lastKey(),
                Math.max(signatures.isEmpty() ? 0 : signatures.lastKey(), results.isEmpty() ? 0 : results.lastKey()));
        boolean broken = !findings.isEmpty();
        if (highest > MAX_INSTANCES) {
            findings.add(new Finding("RFC 8617 §4.2.1", "instance " + highest + " is beyond the limit of 50 sets", null));
            broken = true;
        }
        List<ArcSet> sets = new ArrayList<>();
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        boolean missingKey = false;
        String failure = null;
        for (int i = 1; i <= Math.min(highest, MAX_INSTANCES); i++) {
            SignatureField seal = single(seals.get(i), i, SEAL, findings);
            SignatureField ams = single(signatures.get(i), i, MESSAGE_SIGNATURE, findings);
            HeaderField aar = singleField(results.get(i), i, findings);
            if (seal == null || ams == null || aar == null) {
                broken = true;
                sets.add(new ArcSet(i, seal, ams, aar, null, Verdict.ERROR, "the set is incomplete",
                        Verdict.ERROR, "the set is incomplete"));
                failure = failure == null ? "set " + i + " is incomplete" : failure;
                continue;
            }
            // RFC 8617 §5.1.1: cv=none in the first set, cv=pass in every later one
            String cv = seal.chainValidation();
            String expected = i == 1 ? "none" : "pass";
            if (cv != null && !cv.equals(expected)) {
                findings.add(new Finding("RFC 8617 §5.1.1", "set " + i + " has cv=" + cv + "; the "
                        + (i == 1 ? "first set must say cv=none" : "sets after the first must say cv=pass"),
                        seal.tags().tag("cv").map(Tag::range).orElse(seal.field().range())));
                broken = true;
                failure = failure == null ? "set " + i + " says cv=" + cv : failure;
            }
            BodyHash body = ams.isUsable() ? SignatureVerifier.bodyHash(ams, message) : null;
            SignatureVerifier.Check amsCheck = SignatureVerifier.verify(ams,
                    ams.isUsable() ? SignatureVerifier.signedHeaders(ams, message) : new byte[0], keys).withBody(body);
            // RFC 8617 §5.1.1: the seal covers every set up to its own, AAR, AMS, AS in that order
            sealed.writeBytes(Canonicalization.RELAXED.header(message.field(aar), true));
            sealed.writeBytes(Canonicalization.RELAXED.header(ams.bytes(), true));
            SignatureVerifier.Check sealCheck = SignatureVerifier.verify(seal, sealed.toByteArray(), keys);
            sealed.writeBytes(Canonicalization.RELAXED.header(seal.bytes(), true));
            sets.add(new ArcSet(i, seal, ams, aar, body, amsCheck.verdict(), amsCheck.reason(),
                    sealCheck.verdict(), sealCheck.reason()));
            missingKey |= amsCheck.verdict() == Verdict.NO_KEY || sealCheck.verdict() == Verdict.NO_KEY;
            if (sealCheck.verdict() == Verdict.FAIL || sealCheck.verdict() == Verdict.ERROR) {
                broken = true;
                failure = failure == null ? "the ARC-Seal of set " + i + " does not verify" : failure;
            }
            boolean latest = i == highest;
            boolean amsFails = amsCheck.verdict() == Verdict.FAIL || amsCheck.verdict() == Verdict.ERROR
                    || (body != null && !body.passes());
            if (latest && amsFails) {
                // RFC 8617 §5.2 step 3: only the newest message signature must still verify
                broken = true;
                failure = failure == null ? "the ARC-Message-Signature of the newest set (" + i + ") does not verify"
                        : failure;
            }
        }
        if (broken) {
            return new ArcResult(List.copyOf(sets), "fail", "the chain is broken: "
                    + (failure != null ? failure : findings.get(0).message()), List.copyOf(findings));
        }
        if (missingKey) {
            return new ArcResult(List.copyOf(sets), "no-key", "the chain's structure holds, but some signatures"
                    + " could not be checked without their keys", List.copyOf(findings));
        }
        return new ArcResult(List.copyOf(sets), "pass", "all " + sets.size() + " seals verify and the newest message"
                + " signature does", List.copyOf(findings));
    }

    private static SignatureField single(List<SignatureField> fields, int i, String name, List<Finding> findings) {
        if (fields == null || fields.isEmpty()) {
            findings.add(new Finding("RFC 8617 §5.1.1", "set " + i + " has no " + name + " field", null));
            return null;
        }
        if (fields.size() > 1) {
            findings.add(new Finding("RFC 8617 §5.1.1", "set " + i + " has " + fields.size() + " " + name
                    + " fields; each set has exactly one", fields.get(1).field().range()));
            return null;
        }
        return fields.get(0);
    }

    private static HeaderField singleField(List<HeaderField> fields, int i, List<Finding> findings) {
        if (fields == null || fields.isEmpty()) {
            findings.add(new Finding("RFC 8617 §5.1.1", "set " + i + " has no " + RESULTS + " field", null));
            return null;
        }
        if (fields.size() > 1) {
            findings.add(new Finding("RFC 8617 §5.1.1", "set " + i + " has " + fields.size() + " " + RESULTS
                    + " fields; each set has exactly one", fields.get(1).range()));
            return null;
        }
        return fields.get(0);
    }
}
