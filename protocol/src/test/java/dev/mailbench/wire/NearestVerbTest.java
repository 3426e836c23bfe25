package dev.mailbench.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.smtp.SmtpVerb;
import org.junit.jupiter.api.Test;

/** The verb a mistyped command word meant: cut short, one or two letters wrong, or two swapped. */
class NearestVerbTest {

    @Test
    void aWordCutShortMeansTheVerbItStarts() {
        assertThat(SmtpVerb.nearest("RCP TO:<bob@example.test>")).contains(SmtpVerb.RCPT);
        assertThat(SmtpVerb.nearest("ma")).contains(SmtpVerb.MAIL);
        assertThat(Pop3Verb.nearest("RE 1")).contains(Pop3Verb.RETR);
    }

    @Test
    void swappedChangedOrMissingLettersAreForgiven() {
        assertThat(SmtpVerb.nearest("RCTP TO:<bob@example.test>")).contains(SmtpVerb.RCPT);
        assertThat(SmtpVerb.nearest("MIAL FROM:<a@example.test>")).contains(SmtpVerb.MAIL);
        assertThat(SmtpVerb.nearest("QUTI")).contains(SmtpVerb.QUIT);
        assertThat(SmtpVerb.nearest("DATE")).contains(SmtpVerb.DATA);
        assertThat(Pop3Verb.nearest("RTER 1")).contains(Pop3Verb.RETR);
        assertThat(Pop3Verb.nearest("PSAS secret")).contains(Pop3Verb.PASS);
    }

    @Test
    void aKnownVerbOrAWordFarFromAnyMeansNothing() {
        assertThat(SmtpVerb.nearest("RCPT TO:<bob@example.test>")).isEmpty();
        assertThat(SmtpVerb.nearest("TURN")).isEmpty(); // known, though not implemented
        assertThat(SmtpVerb.nearest("XYZZY")).isEmpty();
        assertThat(SmtpVerb.nearest("QQ")).isEmpty();
        assertThat(Pop3Verb.nearest("")).isEmpty();
    }

    @Test
    void theDistanceCountsASwapAsOneEdit() {
        assertThat(NearestVerb.distance("RCTP", "RCPT")).isEqualTo(1);
        assertThat(NearestVerb.distance("MAL", "MAIL")).isEqualTo(1);
        assertThat(NearestVerb.distance("NOOP", "HELP")).isEqualTo(3);
    }
}
