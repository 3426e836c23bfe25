package dev.mailbench.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SmtpVerbTest {

    @Test
    void greetings() {
        assertThat(SmtpVerb.EHLO.line(" client.example.test ")).isEqualTo("EHLO client.example.test");
        assertThat(SmtpVerb.HELO.line("client.example.test")).isEqualTo("HELO client.example.test");
    }

    @Test
    void pathsGetExactlyOnePairOfAngleBrackets() {
        assertThat(SmtpVerb.MAIL.line("alice@example.test", "")).isEqualTo("MAIL FROM:<alice@example.test>");
        assertThat(SmtpVerb.MAIL.line("<alice@example.test>", null)).isEqualTo("MAIL FROM:<alice@example.test>");
        assertThat(SmtpVerb.RCPT.line(" <bob@example.test> ")).isEqualTo("RCPT TO:<bob@example.test>");
    }

    @Test
    void aBlankSenderIsTheNullReversePathOfBounces() {
        assertThat(SmtpVerb.MAIL.line("", "")).isEqualTo("MAIL FROM:<>");
        assertThat(SmtpVerb.MAIL.line()).isEqualTo("MAIL FROM:<>");
    }

    @Test
    void mailParametersFollowTheAddress() {
        assertThat(SmtpVerb.MAIL.line("alice@example.test", " SIZE=1024 BODY=8BITMIME "))
                .isEqualTo("MAIL FROM:<alice@example.test> SIZE=1024 BODY=8BITMIME");
    }

    @Test
    void queriesAndBareVerbs() {
        assertThat(SmtpVerb.VRFY.line("alice")).isEqualTo("VRFY alice");
        assertThat(SmtpVerb.EXPN.line("class")).isEqualTo("EXPN class");
        assertThat(SmtpVerb.HELP.line(" ")).isEqualTo("HELP");
        assertThat(SmtpVerb.HELP.line("MAIL")).isEqualTo("HELP MAIL");
        assertThat(SmtpVerb.ETRN.line("example.test")).isEqualTo("ETRN example.test");
        assertThat(SmtpVerb.DATA.line()).isEqualTo("DATA");
        assertThatThrownBy(() -> SmtpVerb.DATA.line("text")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authCarriesAnInitialResponseOnlyWhenThereIsOne() {
        assertThat(SmtpVerb.AUTH.line("LOGIN")).isEqualTo("AUTH LOGIN");
        assertThat(SmtpVerb.AUTH.line("PLAIN", "AGFsaWNlAHNlY3JldA==")).isEqualTo("AUTH PLAIN AGFsaWNlAHNlY3JldA==");
    }

    @Test
    void buttonsAreNamedByTheWordsACommandStartsWith() {
        assertThat(SmtpVerb.MAIL.label()).isEqualTo("MAIL FROM");
        assertThat(SmtpVerb.RCPT.label()).isEqualTo("RCPT TO");
        assertThat(SmtpVerb.EHLO.label()).isEqualTo("EHLO");
    }

    @Test
    void verbsAreFoundByTheirKeywordInAnyCase() {
        assertThat(SmtpVerb.of("mail from:<a@b>")).contains(SmtpVerb.MAIL);
        assertThat(SmtpVerb.of("x-exps GSSAPI")).contains(SmtpVerb.X_EXPS);
        assertThat(SmtpVerb.of("X_EXPS")).isEmpty();
        assertThat(SmtpVerb.of("XYZZY")).isEmpty();
    }

    @Test
    void everyVerbsSyntaxStartsWithItsKeyword() {
        for (SmtpVerb verb : SmtpVerb.values()) {
            assertThat(verb.syntax()).as("%s", verb).startsWith(verb.keyword());
            assertThat(verb.rfcSection()).as("%s", verb).isNotBlank();
        }
    }

    @Test
    void knownButNotImplementedVerbsAreNeverLegal() {
        SmtpState ready = new SmtpState(SmtpPhase.READY, false, false, EhloCapabilities.none(), 0);
        assertThat(SmtpVerb.implemented()).doesNotContain(SmtpVerb.TURN, SmtpVerb.BDAT).contains(SmtpVerb.MAIL);
        assertThat(ready.isLegal(SmtpVerb.TURN)).isFalse();
        assertThat(ready.legalVerbs()).allMatch(SmtpVerb::isImplemented);
    }

    @Test
    void theRulesSayWhatEachPhaseAllows() {
        EhloCapabilities none = EhloCapabilities.none();
        assertThat(new SmtpState(SmtpPhase.GREETED, false, false, none, 0).legalVerbs()).containsExactlyInAnyOrder(
                SmtpVerb.HELO, SmtpVerb.EHLO, SmtpVerb.RSET, SmtpVerb.VRFY, SmtpVerb.EXPN, SmtpVerb.HELP,
                SmtpVerb.NOOP, SmtpVerb.QUIT);
        assertThat(new SmtpState(SmtpPhase.READY, false, false, none, 0).legalVerbs())
                .contains(SmtpVerb.MAIL).doesNotContain(SmtpVerb.RCPT, SmtpVerb.DATA, SmtpVerb.AUTH, SmtpVerb.STARTTLS);
        assertThat(new SmtpState(SmtpPhase.MAIL_GIVEN, false, false, none, 0).legalVerbs())
                .contains(SmtpVerb.RCPT).doesNotContain(SmtpVerb.DATA, SmtpVerb.MAIL, SmtpVerb.EHLO);
        assertThat(new SmtpState(SmtpPhase.RECIPIENTS_GIVEN, false, false, none, 1).legalVerbs())
                .contains(SmtpVerb.RCPT, SmtpVerb.DATA);
        assertThat(new SmtpState(SmtpPhase.DATA_INPUT, false, false, none, 0).legalVerbs()).isEmpty();
    }

    @Test
    void theForwardStepsAreTheNextOfANormalDialogueNotEveryLegalOne() {
        EhloCapabilities none = EhloCapabilities.none();
        EhloCapabilities offered = EhloCapabilities.parse(SmtpReply.of(250, "mx.example.test", "STARTTLS", "AUTH PLAIN"));
        assertThat(new SmtpState(SmtpPhase.GREETED, false, false, none, 0).forwardVerbs()).containsExactly(SmtpVerb.EHLO);
        assertThat(new SmtpState(SmtpPhase.READY, false, false, none, 0).forwardVerbs()).containsExactly(SmtpVerb.MAIL);
        // AUTH is a step forward once TLS protects the password, where STARTTLS is offered
        assertThat(new SmtpState(SmtpPhase.READY, false, false, offered, 0).forwardVerbs())
                .containsExactlyInAnyOrder(SmtpVerb.STARTTLS, SmtpVerb.MAIL);
        assertThat(new SmtpState(SmtpPhase.READY, true, false, offered, 0).forwardVerbs())
                .containsExactlyInAnyOrder(SmtpVerb.AUTH, SmtpVerb.MAIL);
        EhloCapabilities authOnly = EhloCapabilities.parse(SmtpReply.of(250, "mx.example.test", "AUTH PLAIN"));
        assertThat(new SmtpState(SmtpPhase.READY, false, false, authOnly, 0).forwardVerbs())
                .containsExactlyInAnyOrder(SmtpVerb.AUTH, SmtpVerb.MAIL);
        assertThat(new SmtpState(SmtpPhase.READY, true, true, offered, 0).forwardVerbs()).containsExactly(SmtpVerb.MAIL);
        assertThat(new SmtpState(SmtpPhase.MAIL_GIVEN, false, false, none, 0).forwardVerbs()).containsExactly(SmtpVerb.RCPT);
        assertThat(new SmtpState(SmtpPhase.RECIPIENTS_GIVEN, false, false, none, 1).forwardVerbs())
                .containsExactlyInAnyOrder(SmtpVerb.RCPT, SmtpVerb.DATA);
        assertThat(new SmtpState(SmtpPhase.DATA_INPUT, false, false, none, 0).forwardVerbs()).isEmpty();
        for (SmtpPhase phase : SmtpPhase.values()) {
            SmtpState state = new SmtpState(phase, false, false, offered, 1);
            assertThat(state.legalVerbs()).containsAll(state.forwardVerbs());
            assertThat(state.forwardVerbs()).doesNotContain(SmtpVerb.NOOP, SmtpVerb.HELP, SmtpVerb.RSET, SmtpVerb.VRFY);
        }
    }

    @Test
    void extensionsAreLegalOnlyWhenOfferedAndNotYetUsed() {
        EhloCapabilities offered = EhloCapabilities.parse(SmtpReply.of(250, "mx.example.test", "STARTTLS", "AUTH PLAIN"));
        SmtpState plain = new SmtpState(SmtpPhase.READY, false, false, offered, 0);
        assertThat(plain.legalVerbs()).contains(SmtpVerb.STARTTLS, SmtpVerb.AUTH).doesNotContain(SmtpVerb.ETRN);
        assertThat(new SmtpState(SmtpPhase.READY, true, true, offered, 0).legalVerbs())
                .doesNotContain(SmtpVerb.STARTTLS, SmtpVerb.AUTH);
        assertThat(plain.withPhase(SmtpPhase.MAIL_GIVEN).legalVerbs()).doesNotContain(SmtpVerb.STARTTLS, SmtpVerb.AUTH);
    }

    @Test
    void onlyAuthGivesTheServerACredential() {
        assertThat(Arrays.stream(SmtpVerb.values()).filter(SmtpVerb::givesCredentials))
                .containsExactly(SmtpVerb.AUTH);
    }
}
