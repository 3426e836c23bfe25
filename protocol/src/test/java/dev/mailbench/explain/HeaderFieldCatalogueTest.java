package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each message header field a reader meets has its own sentence, naming where it is defined; so has each tag of a
 * DKIM or ARC signature field.
 */
class HeaderFieldCatalogueTest {

    private final Catalogue catalogue = Catalogue.english();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Return-Path, RFC 5321 §4.4",
            "Received, RFC 5321 §4.4",
            "Message-ID, RFC 5322 §3.6.4",
            "Date, RFC 5322 §3.6.1",
            "From, RFC 5322 §3.6.2",
            "Sender, RFC 5322 §3.6.2",
            "Reply-To, RFC 5322 §3.6.2",
            "To, RFC 5322 §3.6.3",
            "Cc, RFC 5322 §3.6.3",
            "Bcc, RFC 5322 §3.6.3",
            "Subject, RFC 5322 §3.6.5",
            "MIME-Version, RFC 2045 §4",
            "Content-Type, RFC 2045 §5",
            "Content-Transfer-Encoding, RFC 2045 §6",
            "Content-Disposition, RFC 2183",
            "DKIM-Signature, RFC 6376",
            "Authentication-Results, RFC 8601",
            "ARC-Seal, RFC 8617",
            "ARC-Message-Signature, RFC 8617",
            "ARC-Authentication-Results, RFC 8617",
            "Received-SPF, RFC 7208",
            "List-Unsubscribe, RFC 2369",
            "X-Mailer, RFC 6648",
    })
    void eachFieldHasItsSentenceWithItsRfc(String name, String rfc) {
        assertThat(catalogue.headerFieldExact(name)).hasValueSatisfying(sentence ->
                assertThat(sentence).startsWith(name + " (").contains(rfc));
    }

    @Test
    void namesAreReadInAnyCaseAndUnknownFieldsSayWhatTheyAre() {
        assertThat(catalogue.headerField("dkim-signature")).isEqualTo(catalogue.headerField("DKIM-Signature"));
        assertThat(catalogue.headerFieldExact("X-Spam-Flag")).isEmpty();
        assertThat(catalogue.headerField("X-Spam-Flag")).contains("RFC 6648");
        assertThat(catalogue.headerField("Frobnication")).contains("RFC 5322 §3.6.8");
    }

    @Test
    void eachSignatureTagHasItsSentenceAndArcsInstanceIsNotDkimsIdentity() {
        for (String tag : new String[] {"v", "a", "c", "d", "s", "h", "bh", "b", "l", "t", "x", "i", "q", "z", "cv"}) {
            assertThat(catalogue.signatureTag(false, tag)).as(tag)
                    .isNotEqualTo(catalogue.signatureTag(false, "no-such-tag"));
        }
        assertThat(catalogue.signatureTag(false, "d")).startsWith("signing domain");
        assertThat(catalogue.signatureTag(false, "BH")).isEqualTo(catalogue.signatureTag(false, "bh"));
        assertThat(catalogue.signatureTag(false, "i")).startsWith("agent or user identity");
        assertThat(catalogue.signatureTag(true, "i")).startsWith("instance: the number of this ARC set");
        assertThat(catalogue.signatureTag(true, "d")).isEqualTo(catalogue.signatureTag(false, "d"));
        assertThat(catalogue.signatureTag(false, "zz")).contains("RFC 6376 §3.2");
    }
}
