package dev.mailbench.authenticity;

import static dev.mailbench.authenticity.Resources.check;
import static dev.mailbench.authenticity.Resources.keys;
import static dev.mailbench.authenticity.Resources.latin1;
import static dev.mailbench.authenticity.Resources.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

class ArcChainTest {

    private static final ZoneFileKeys KEYS = keys("keys.zone");

    @Test
    void aChainOfTwoSetsSignedByDkimpyPasses() {
        ArcResult arc = check("arc-two-sets.eml", KEYS).arc();

        assertThat(arc.status()).as(arc.reason()).isEqualTo("pass");
        assertThat(arc.sets()).extracting(ArcSet::instance, ArcSet::chainValidation, ArcSet::sealVerdict,
                        ArcSet::messageVerdict)
                .containsExactly(tuple(1, "none", Verdict.PASS, Verdict.PASS),
                        tuple(2, "pass", Verdict.PASS, Verdict.PASS));
        assertThat(arc.sets().get(0).results().value()).startsWith("i=1; relay.example.test;");
    }

    @Test
    void aBrokenSealInTheFirstSetBreaksTheChain() {
        String message = text("arc-two-sets.eml");
        int seal1 = message.indexOf("ARC-Seal: i=1");
        int b = message.indexOf(" b=", seal1) + 3;
        String broken = message.substring(0, b) + (message.charAt(b) == 'A' ? 'B' : 'A') + message.substring(b + 1);

        ArcResult arc = check(latin1(broken), KEYS).arc();

        assertThat(arc.status()).isEqualTo("fail");
        assertThat(arc.reason()).contains("ARC-Seal of set 1");
        // the second seal covers the first seal's bytes (RFC 8617 §5.1.1), so it fails with it
        assertThat(arc.sets()).extracting(ArcSet::sealVerdict).containsExactly(Verdict.FAIL, Verdict.FAIL);
        assertThat(arc.sets()).extracting(ArcSet::messageVerdict).containsExactly(Verdict.PASS, Verdict.PASS);
    }

    @Test
    void aChangedBodyFailsEachMessageSignatureAndBreaksTheChain() {
        String changed = text("arc-two-sets.eml").replace("usual", "other");

        ArcResult arc = check(latin1(changed), KEYS).arc();

        assertThat(arc.status()).isEqualTo("fail");
        assertThat(arc.sets()).extracting(ArcSet::messageVerdict).containsExactly(Verdict.FAIL, Verdict.FAIL);
        assertThat(arc.sets().get(1).messageReason()).startsWith("the body hash does not match bh=");
        assertThat(arc.sets()).extracting(ArcSet::sealVerdict).containsExactly(Verdict.PASS, Verdict.PASS);
    }

    @Test
    void aChangedResultsFieldOfTheFirstSetBreaksTheSealsThatCoverIt() {
        String broken = text("arc-two-sets.eml").replace("i=1; relay.example.test; dkim=pass",
                "i=1; relay.example.test; dkim=fail");

        ArcResult arc = check(latin1(broken), KEYS).arc();

        assertThat(arc.status()).isEqualTo("fail");
        assertThat(arc.sets()).extracting(ArcSet::sealVerdict).containsExactly(Verdict.FAIL, Verdict.FAIL);
    }

    @Test
    void aMissingSetBreaksTheStructure() {
        String message = text("arc-two-sets.eml");
        int start = message.indexOf("ARC-Message-Signature: i=1");
        int end = message.indexOf("ARC-Authentication-Results: i=1");
        String missing = message.substring(0, start) + message.substring(end);

        ArcResult arc = check(latin1(missing), KEYS).arc();

        assertThat(arc.status()).isEqualTo("fail");
        assertThat(arc.findings()).extracting(Finding::rule, Finding::message)
                .contains(tuple("RFC 8617 §5.1.1", "set 1 has no ARC-Message-Signature field"));
    }

    @Test
    void aFirstSetThatClaimsAPassingChainBreaksIt() {
        String wrong = text("arc-two-sets.eml").replace("ARC-Seal: i=1; cv=none", "ARC-Seal: i=1; cv=pass");

        ArcResult arc = check(latin1(wrong), KEYS).arc();

        assertThat(arc.status()).isEqualTo("fail");
        assertThat(arc.findings()).extracting(Finding::rule).contains("RFC 8617 §5.1.1");
    }

    @Test
    void withoutKeysTheStructureIsCheckedAndTheSignaturesAreNot() {
        ArcResult arc = check("arc-two-sets.eml", KeySource.NONE).arc();

        assertThat(arc.status()).isEqualTo("no-key");
        assertThat(arc.sets()).allSatisfy(s -> assertThat(s.bodyHash().passes()).isTrue());
    }

    @Test
    void aMessageWithoutArcHasNoChain() {
        assertThat(check("rsa-sha256-relaxed.eml", KEYS).arc().status()).isEqualTo("none");
    }
}
