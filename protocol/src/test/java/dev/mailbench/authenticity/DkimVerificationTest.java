package dev.mailbench.authenticity;

import static dev.mailbench.authenticity.Resources.check;
import static dev.mailbench.authenticity.Resources.keys;
import static dev.mailbench.authenticity.Resources.latin1;
import static dev.mailbench.authenticity.Resources.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DkimVerificationTest {

    private static final ZoneFileKeys KEYS = keys("keys.zone");

    @Test
    void theRfc8463ExampleVerifiesWithBothAlgorithms() {
        AuthenticationReport report = check("rfc8463-appendix-a.eml", keys("rfc8463.zone"));

        assertThat(report.dkim()).extracting(r -> r.signature().selector(), r -> r.signature().algorithmText(),
                        r -> r.bodyHash().word(), r -> r.verdict())
                .containsExactly(tuple("brisbane", "ed25519-sha256", "pass", Verdict.PASS),
                        tuple("test", "rsa-sha256", "pass", Verdict.PASS));
        assertThat(report.dkim().get(0).bodyHash().computed()).isEqualTo("2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=");
        assertThat(report.dnsUsed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-sha256-relaxed.eml", "rsa-sha256-simple.eml", "rsa-sha256-length.eml",
            "ed25519-sha256-relaxed.eml", "ed25519-sha256-simple.eml"})
    void messagesSignedByDkimpyVerify(String message) {
        DkimResult result = check(message, KEYS).dkim().get(0);

        assertThat(result.bodyHash().passes()).as(result.bodyHash().problem()).isTrue();
        assertThat(result.verdict()).as(result.reason()).isEqualTo(Verdict.PASS);
        assertThat(result.passes()).isTrue();
    }

    @Test
    void relaxedCanonicalisationClosesUpWhiteSpaceAndDropsTrailingEmptyLines() {
        DkimResult relaxed = check("rsa-sha256-relaxed.eml", KEYS).dkim().get(0);
        DkimResult simple = check("rsa-sha256-simple.eml", KEYS).dkim().get(0);

        assertThat(new String(relaxed.bodyHash().canonicalBody(), StandardCharsets.US_ASCII))
                .isEqualTo("Shall we meet at noon?\r\nThe usual place.\r\n\r\nAlice\r\n");
        assertThat(new String(simple.bodyHash().canonicalBody(), StandardCharsets.US_ASCII))
                .isEqualTo("Shall we meet at noon?   \r\nThe  usual\tplace.\r\n\r\nAlice\r\n");
    }

    @Test
    void aChangedBodyFailsTheBodyHashAndWithItTheSignature() {
        String changed = text("rsa-sha256-relaxed.eml").replace("noon", "one");

        DkimResult result = check(latin1(changed), KEYS).dkim().get(0);

        assertThat(result.bodyHash().word()).isEqualTo("fail");
        assertThat(result.bodyHash().computed()).isNotEqualTo(result.bodyHash().claimed());
        // RFC 6376 §6.1.3: never "signature pass" over a body that was changed
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.reason()).startsWith("the body hash does not match bh=: the body was changed after it was signed");
        assertThat(result.passes()).isFalse();
    }

    @Test
    void contentAddedAfterTheSignedLengthKeepsTheBodyHashButIsReported() {
        String appended = text("rsa-sha256-length.eml") + "P.S. Bring cash.\r\n";

        DkimResult result = check(latin1(appended), KEYS).dkim().get(0);

        assertThat(result.bodyHash().passes()).isTrue();
        // the two empty lines that ended the signed body are no longer at the end, so they count too
        assertThat(result.bodyHash().unsignedLength()).isEqualTo("\r\n\r\nP.S. Bring cash.\r\n".length());
        assertThat(result.findings()).extracting(Finding::rule).contains("RFC 6376 §8.2");
    }

    @Test
    void aChangedSignedHeaderFailsTheSignature() {
        String changed = text("ed25519-sha256-relaxed.eml").replace("Subject: Lunch", "Subject: Dinner");

        DkimResult result = check(latin1(changed), KEYS).dkim().get(0);

        assertThat(result.bodyHash().passes()).isTrue();
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void anUnsignedHeaderAddedDoesNotFailTheSignature() {
        String added = "X-Spam-Score: 0.1\r\n" + text("rsa-sha256-simple.eml").replace("MIME-Version: 1.0\r\n",
                "MIME-Version: 1.0\r\nX-Mailing-List: lunch@example.test\r\n");

        DkimResult result = check(latin1(added), KEYS).dkim().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aWrongKeyFails() {
        assertThat(check("rsa-sha256-relaxed.eml", keys("wrong-key.zone")).dkim().get(0).verdict())
                .isEqualTo(Verdict.FAIL);
    }

    @Test
    void anEmptyPublicKeyIsRevoked() {
        assertThat(check("rsa-sha256-relaxed.eml", keys("revoked.zone")).dkim().get(0).verdict())
                .isEqualTo(Verdict.REVOKED);
    }

    @Test
    void withoutAKeyTheBodyHashIsStillChecked() {
        DkimResult result = check("rsa-sha256-relaxed.eml", KeySource.NONE).dkim().get(0);

        assertThat(result.bodyHash().passes()).isTrue();
        assertThat(result.verdict()).isEqualTo(Verdict.NO_KEY);
    }

    @Test
    void aPastedRecordServesAnySignature() {
        String record = Resources.text("keys.zone").lines().filter(l -> l.startsWith("ed."))
                .map(l -> l.substring(l.indexOf('"'))).findFirst().orElseThrow();

        DkimResult result = check("ed25519-sha256-simple.eml", ZoneFileKeys.parse(record, "pasted")).dkim().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.key().origin()).isEqualTo("pasted");
    }

    @Test
    void rsaSha1IsReportedAsObsolete() {
        String sha1 = text("rsa-sha256-relaxed.eml").replace("a=rsa-sha256", "a=rsa-sha1");

        DkimResult result = check(latin1(sha1), KEYS).dkim().get(0);

        assertThat(result.findings()).extracting(Finding::rule).contains("RFC 8301 §3.1");
        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void anExpiredSignatureIsReported() {
        String expired = text("rsa-sha256-relaxed.eml").replace("q=dns/txt;", "q=dns/txt; x=1;");

        DkimResult result = check(latin1(expired), KEYS).dkim().get(0);

        assertThat(result.findings()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).startsWith("the signature expired at 1970-01-01T00:00:01Z"));
    }

    @Test
    void eachTagKeepsItsBytesInTheSource() {
        String message = text("rfc8463-appendix-a.eml");
        SignatureField sig = check("rfc8463-appendix-a.eml", KeySource.NONE).dkim().get(0).signature();

        Tag d = sig.tags().tag("d").orElseThrow();
        assertThat(message.substring((int) d.range().start(), (int) d.range().end())).isEqualTo("d=football.example.com");
        Tag b = sig.tags().tag("b").orElseThrow();
        assertThat(b.value()).isEqualTo("/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11BusFa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==");
        assertThat(sig.signedHeaders()).containsExactly("from", "to", "subject", "date", "message-id", "from",
                "subject", "date");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DKIM-Signature: v=1; a=rsa-sha256; d=example.test; s=x; h=from; bh=AAAA; b=AAAA; b=BBBB",
            "DKIM-Signature: v=1; a=rsa-sha512; d=example.test; s=x; h=from; bh=AAAA; b=AAAA",
            "DKIM-Signature: v=1; a=rsa-sha256; d=example.test; h=from; bh=AAAA; b=AAAA",
            "DKIM-Signature: v=1; a=rsa-sha256; d=example.test; s=x; h=to; bh=AAAA; b=AAAA",
            "DKIM-Signature: v=1; a=rsa-sha256; d=example.test; s=x; h=from; bh=!!; b=AAAA; l=ten",
            "DKIM-Signature: v=1; a=rsa-sha256; c=loose; d=example.test; s=x; h=from; bh=AAAA; b=AAAA",
            "DKIM-Signature: v=1; a=rsa-sha256; d=example.test; i=@elsewhere.test; s=x; h=from; bh=AAAA; b=AAAA",
            "DKIM-Signature: garbage without tags",
            "DKIM-Signature: ; ; =; 9x=1",
            "DKIM-Signature:"})
    void aMalformedSignatureIsAFindingWithItsRuleNotAnException(String field) {
        byte[] message = latin1(field + "\r\nFrom: a@example.test\r\n\r\nHi\r\n");

        DkimResult result = check(message, KEYS).dkim().get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(result.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.rule()).startsWith("RFC "));
    }
}
