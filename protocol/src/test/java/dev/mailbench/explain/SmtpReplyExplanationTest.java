package dev.mailbench.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpReplyExplanationTest {

    private final Catalogue catalogue = Catalogue.english();

    @ParameterizedTest(name = "RFC 5321 reply {0}")
    @ValueSource(ints = {211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455,
            500, 501, 502, 503, 504, 550, 551, 552, 553, 554, 555})
    void everyRfc5321ReplyHasItsOwnSentence(int code) {
        assertThat(catalogue.smtpReplyExact(code)).as("smtp.reply.%d", code).isPresent();
    }

    @ParameterizedTest(name = "RFC 4954 reply {0}")
    @ValueSource(ints = {235, 334, 432, 454, 530, 534, 535, 538})
    void everyAuthReplyHasItsOwnSentence(int code) {
        assertThat(catalogue.smtpReplyExact(code)).as("smtp.reply.%d", code).isPresent();
    }

    @ParameterizedTest(name = "RFC 7504 reply {0}")
    @ValueSource(ints = {521, 556})
    void everyNoMailReplyHasItsOwnSentence(int code) {
        assertThat(catalogue.smtpReplyExact(code)).as("smtp.reply.%d", code).isPresent();
    }

    @ParameterizedTest(name = "RFC 1985 reply {0}")
    @ValueSource(ints = {253, 458, 459})
    void everyEtrnOnlyReplyHasItsOwnSentence(int code) {
        assertThat(catalogue.smtpReplyExact(code)).as("smtp.reply.%d", code).isPresent();
    }

    @ParameterizedTest(name = "ETRN reply {0}")
    @ValueSource(ints = {250, 251, 252})
    void etrnGivesItsOwnMeaningToCodesThatMeanOtherThingsElsewhere(int code) {
        assertThat(catalogue.smtpReply(code, "ETRN"))
                .isNotBlank()
                .isNotEqualTo(catalogue.smtpReply(code));
    }

    @Test
    void authLineTooLongIsNotTheGeneralSyntaxError() {
        assertThat(catalogue.smtpReply(500, "AUTH")).contains("too long");
        assertThat(catalogue.smtpReply(500)).contains("did not understand");
    }

    @Test
    void startTlsReadyTellsTheStudentToSayEhloAgain() {
        assertThat(catalogue.smtpReply(220, "starttls")).contains("EHLO again");
    }

    @Test
    void aCommandWithoutItsOwnMeaningGetsTheGeneralSentence() {
        assertThat(catalogue.smtpReply(250, "MAIL")).isEqualTo(catalogue.smtpReply(250));
        assertThat(catalogue.smtpReply(250, null)).isEqualTo(catalogue.smtpReply(250));
        assertThat(catalogue.smtpReply(250, " ")).isEqualTo(catalogue.smtpReply(250));
    }

    @Test
    void exactSentenceIsPreferred() {
        assertThat(catalogue.smtpReply(354)).isEqualTo(catalogue.smtpReplyExact(354).orElseThrow());
        assertThat(catalogue.smtpReply(354)).contains("only a dot");
    }

    @Test
    void unknownCodeIsExplainedByItsClassAndCategory() {
        assertThat(catalogue.smtpReplyExact(259)).isEmpty();

        assertThat(catalogue.smtpReply(259))
                .startsWith("2xx, positive completion")
                .contains("x5z, mail system");
        assertThat(catalogue.smtpReply(423))
                .startsWith("4xx, transient failure")
                .contains("x2z, connections");
        assertThat(catalogue.smtpReply(507))
                .startsWith("5xx, permanent failure")
                .contains("x0z, syntax");
        assertThat(catalogue.smtpReply(336))
                .startsWith("3xx, positive intermediate")
                .contains("x3z, unspecified");
    }

    @Test
    void secondDigitOutsideRfc5321IsFlaggedButTheClassStillExplained() {
        assertThat(catalogue.smtpReply(299))
                .startsWith("2xx, positive completion")
                .contains("outside the 0 to 5");
    }

    @ParameterizedTest(name = "{0} is no SMTP reply")
    @ValueSource(ints = {-1, 0, 99, 150, 199, 600, 999, 2500})
    void numbersOutside200To599AreNotReplyCodes(int code) {
        assertThat(catalogue.smtpReply(code))
                .contains(Integer.toString(code))
                .contains("not a valid SMTP reply code")
                .doesNotContain("{code}");
    }
}
