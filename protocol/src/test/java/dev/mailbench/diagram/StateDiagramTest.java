package dev.mailbench.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state diagrams' states and verbs are the protocols' own. */
class StateDiagramTest {

    @Test
    void smtpsStatesFollowTheCommandSequenceWithTheVerbsTheRulesAllow() {
        List<StateNode> smtp = StateDiagram.of(MailProtocol.SMTP);

        assertThat(smtp).extracting(StateNode::phase).startsWith(SmtpPhase.GREETED, SmtpPhase.READY,
                SmtpPhase.MAIL_GIVEN, SmtpPhase.RECIPIENTS_GIVEN, SmtpPhase.DATA_INPUT);
        StateNode ready = smtp.get(StateDiagram.indexOf(smtp, SmtpPhase.READY));
        assertThat(ready.verbs()).contains(SmtpVerb.MAIL, SmtpVerb.STARTTLS, SmtpVerb.AUTH, SmtpVerb.QUIT)
                .doesNotContain(SmtpVerb.RCPT, SmtpVerb.DATA);
        assertThat(ready.forward()).contains(SmtpVerb.MAIL);
        StateNode recipients = smtp.get(StateDiagram.indexOf(smtp, SmtpPhase.RECIPIENTS_GIVEN));
        assertThat(recipients.verbs()).contains(SmtpVerb.RCPT, SmtpVerb.DATA).doesNotContain(SmtpVerb.MAIL);
        // RFC 5321 §4.1.1.4: inside DATA the next line is message text, not a command
        assertThat(smtp.get(StateDiagram.indexOf(smtp, SmtpPhase.DATA_INPUT)).verbs()).isEmpty();
        assertThat(ready.title()).isEqualTo("ready");
    }

    @Test
    void pop3sStatesAreRfc1939sWithTheVerbsValidInEach() {
        List<StateNode> pop3 = StateDiagram.of(MailProtocol.POP3);

        assertThat(pop3).extracting(StateNode::phase).contains(Pop3Phase.AUTHORIZATION, Pop3Phase.TRANSACTION,
                Pop3Phase.UPDATE);
        for (StateNode node : pop3) {
            for (Pop3Verb verb : Pop3Verb.values()) {
                assertThat(node.verbs().contains(verb)).as(verb + " in " + node.title())
                        .isEqualTo(verb.isValidIn((Pop3Phase) node.phase()));
            }
        }
        assertThat(StateDiagram.indexOf(pop3, Pop3Phase.CLOSED)).isEqualTo(-1);
    }
}
