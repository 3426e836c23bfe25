package dev.mailbench.authenticity;

import dev.mailbench.mime.ByteRange;
import dev.mailbench.mime.HeaderField;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A signature header field read tag by tag: DKIM-Signature (RFC 6376 §3.5), ARC-Message-Signature or
 * ARC-Seal (RFC 8617 §4.1). What is missing or wrong is a {@link Finding}; {@link #isUsable()} says whether
 * enough is there to verify.
 */
public final class SignatureField {

    /** The three kinds of signature field, with the tags each requires. */
    public enum Kind {
        /** RFC 6376 §3.5, §6.1.1. */
        DKIM("DKIM-Signature", "RFC 6376 §3.5", List.of("v", "a", "b", "bh", "d", "h", "s")),
        /** RFC 8617 §4.1.2: like DKIM-Signature, with i= for the instance and no v=. */
        ARC_MESSAGE("ARC-Message-Signature", "RFC 8617 §4.1.2", List.of("i", "a", "b", "bh", "d", "h", "s")),
        /** RFC 8617 §4.1.3: no body hash, no h=; cv= says what the sealer found. */
        ARC_SEAL("ARC-Seal", "RFC 8617 §4.1.3", List.of("i", "a", "b", "cv", "d", "s"));

        private final String fieldName;
        private final String rule;
        private final List<String> required;

        Kind(String fieldName, String rule, List<String> required) {
            this.fieldName = fieldName;
            this.rule = rule;
            this.required = required;
        }

        public String fieldName() {
            return fieldName;
        }

        public String rule() {
            return rule;
        }
    }

    private final Kind kind;
    private final HeaderField field;
    private final byte[] bytes;
    private final TagList tags;
    private final List<Finding> findings;
    private final SigningAlgorithm algorithm;
    private final Canonicalization headerCanonicalization;
    private final Canonicalization bodyCanonicalization;
    private final List<String> signedHeaders;
    private final Long length;
    private final Integer instance;
    private final byte[] signature;
    private boolean fatal;

    /** {@code bytes}: the field's raw bytes, its final line break not included. */
    public SignatureField(Kind kind, HeaderField field, byte[] bytes) {
        this.kind = kind;
        this.field = field;
        this.bytes = bytes.clone();
        this.tags = TagList.ofField(bytes, field.range().start());
        List<Finding> found = new ArrayList<>(tags.findings());
        // RFC 6376 §3.2: a tag list with a repeated tag, or a spec that is no tag=value, is invalid as a whole
        fatal = !tags.findings().isEmpty();
        for (String name : kind.required) {
            if (tags.tag(name).isEmpty()) {
                found.add(new Finding(kind.rule, kind.fieldName + " has no " + name + "= tag, which it must have",
                        field.range()));
                fatal = true;
            }
        }
        if (kind == Kind.DKIM && tags.value("v") != null && !tags.value("v").equals("1")) {
            found.add(problem("v", "RFC 6376 §3.5", "v=" + tags.value("v") + " is no DKIM version a verifier knows (1)"));
            fatal = true;
        }
        String a = tags.value("a");
        this.algorithm = a == null ? null : SigningAlgorithm.named(a);
        if (a != null && algorithm == null) {
            found.add(problem("a", "RFC 6376 §3.3", "a=" + a + " is no signing algorithm a verifier knows"
                    + " (rsa-sha256, ed25519-sha256)"));
            fatal = true;
        } else if (algorithm != null && algorithm.isObsolete()) {
            found.add(problem("a", "RFC 8301 §3.1", "rsa-sha1 is obsolete: signers must not use it and verifiers"
                    + " must not count such a signature as valid"));
        }
        Canonicalization[] c = canonicalizations(tags.value("c"), found);
        this.headerCanonicalization = kind == Kind.ARC_SEAL ? Canonicalization.RELAXED : c[0];
        this.bodyCanonicalization = c[1];
        this.signedHeaders = signedHeaders(found);
        this.length = number("l", "RFC 6376 §3.5", found);
        Long i = kind == Kind.DKIM ? null : number("i", "RFC 8617 §4.2.1", found);
        if (kind != Kind.DKIM && i != null && (i < 1 || i > 50)) {
            found.add(problem("i", "RFC 8617 §4.2.1", "i=" + i + " is outside 1…50"));
            fatal = true;
        }
        this.instance = i == null ? null : i.intValue();
        this.signature = base64("b", found);
        if (kind != Kind.ARC_SEAL) {
            base64("bh", found);
        }
        if (kind == Kind.DKIM) {
            checkIdentity(found);
        }
        Long t = number("t", "RFC 6376 §3.5", found);
        Long x = number("x", "RFC 6376 §3.5", found);
        if (t != null && x != null && x < t) {
            found.add(problem("x", "RFC 6376 §3.5", "x= (expiry) is before t= (signing time)"));
        }
        this.findings = List.copyOf(found);
    }

    private Finding problem(String tag, String rule, String message) {
        return new Finding(rule, message, tags.tag(tag).map(Tag::range).orElse(field.range()));
    }

    private Canonicalization[] canonicalizations(String c, List<Finding> found) {
        // RFC 6376 §3.5: c= defaults to simple/simple; a missing body part means simple
        Canonicalization[] result = {Canonicalization.SIMPLE, Canonicalization.SIMPLE};
        if (c == null) {
            return result;
        }
        String[] words = c.toLowerCase(Locale.ROOT).split("/", -1);
        for (int k = 0; k < Math.min(2, words.length); k++) {
            Canonicalization named = Canonicalization.named(words[k].strip());
            if (named == null) {
                found.add(problem("c", "RFC 6376 §3.4", "c=" + c + " names no canonicalisation (simple, relaxed)"));
                fatal = true;
            } else {
                result[k] = named;
            }
        }
        return result;
    }

    private List<String> signedHeaders(List<Finding> found) {
        String h = tags.value("h");
        if (h == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : h.split(":")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        if (kind == Kind.DKIM && names.stream().noneMatch(n -> n.equalsIgnoreCase("From"))) {
            // RFC 6376 §5.4: "The From header field MUST be signed"
            found.add(problem("h", "RFC 6376 §5.4", "h= does not list From, which every signature must cover"));
            fatal = true;
        }
        return List.copyOf(names);
    }

    private Long number(String tag, String rule, List<Finding> found) {
        String v = tags.value(tag);
        if (v == null) {
            return null;
        }
        try {
            if (!v.matches("[0-9]{1,18}")) {
                throw new NumberFormatException();
            }
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            found.add(problem(tag, rule, tag + "=" + v + " is not a decimal number"));
            fatal = true;
            return null;
        }
    }

    private byte[] base64(String tag, List<Finding> found) {
        String v = tags.value(tag);
        if (v == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            found.add(problem(tag, "RFC 6376 §3.5", tag + "= is not base64: " + e.getMessage()));
            fatal = true;
            return null;
        }
    }

    private void checkIdentity(List<Finding> found) {
        String i = tags.value("i");
        String d = tags.value("d");
        if (i == null || d == null) {
            return;
        }
        int at = i.lastIndexOf('@');
        String iDomain = (at < 0 ? i : i.substring(at + 1)).toLowerCase(Locale.ROOT);
        String dDomain = d.toLowerCase(Locale.ROOT);
        if (!iDomain.equals(dDomain) && !iDomain.endsWith("." + dDomain)) {
            // RFC 6376 §3.5 i=: "the domain part of the address MUST be the same as, or a subdomain of, d="
            found.add(problem("i", "RFC 6376 §3.5", "i=" + i + " is not in d=" + d + " or one of its subdomains"));
            fatal = true;
        }
    }

    public Kind kind() {
        return kind;
    }

    public HeaderField field() {
        return field;
    }

    /** The field's raw bytes, final line break not included. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public TagList tags() {
        return tags;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** Whether every tag a verifier needs is there and readable. */
    public boolean isUsable() {
        return !fatal;
    }

    /** a=, or null when absent or unknown. */
    public SigningAlgorithm algorithm() {
        return algorithm;
    }

    public String algorithmText() {
        return tags.value("a");
    }

    public Canonicalization headerCanonicalization() {
        return headerCanonicalization;
    }

    public Canonicalization bodyCanonicalization() {
        return bodyCanonicalization;
    }

    public String domain() {
        return tags.value("d");
    }

    public String selector() {
        return tags.value("s");
    }

    /** h=, in order, as written (names compare without regard to case). */
    public List<String> signedHeaders() {
        return signedHeaders;
    }

    /** l=, or null: the body is signed whole. */
    public Long length() {
        return length;
    }

    /** i= of an ARC field, or null. */
    public Integer instance() {
        return instance;
    }

    /** cv= of an ARC-Seal, or null. */
    public String chainValidation() {
        return tags.value("cv");
    }

    public String claimedBodyHash() {
        return tags.value("bh");
    }

    byte[] signature() {
        return signature == null ? null : signature.clone();
    }

    public Instant timestamp() {
        String t = tags.value("t");
        return t != null && t.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(t)) : null;
    }

    public Instant expiry() {
        String x = tags.value("x");
        return x != null && x.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(x)) : null;
    }

    /**
     * The field as the signature covers it (RFC 6376 §3.7): canonicalised, the value of b= deleted, no
     * final CRLF.
     */
    byte[] withoutSignature() {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Tag b = tags.tag("b").orElse(null);
        if (b != null) {
            ByteRange v = b.valueRange();
            int from = (int) (v.start() - field.range().start());
            int to = (int) (v.end() - field.range().start());
            text = text.substring(0, from) + text.substring(to);
        }
        return headerCanonicalization.header(text.getBytes(StandardCharsets.ISO_8859_1), false);
    }
}
