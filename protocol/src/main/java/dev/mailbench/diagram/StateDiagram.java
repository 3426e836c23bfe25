package dev.mailbench.diagram;

import dev.mailbench.pop3.Pop3Phase;
import dev.mailbench.pop3.Pop3State;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.smtp.EhloCapabilities;
import dev.mailbench.smtp.SmtpPhase;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.smtp.SmtpState;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Verb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A protocol's states, each with the verbs legal in it: SMTP's command sequence of RFC 5321 §4.1.4 (with the AUTH
 * exchange of RFC 4954 §4 beside it), POP3's AUTHORIZATION, TRANSACTION and UPDATE of RFC 1939 §3.
 *
 * <p>Nothing here is a rule of its own: the states are the protocol's phases, and the verbs of each are those the
 * verb specification allows there ({@link SmtpState#legalVerbs()} over {@link SmtpVerb#rules()},
 * {@link Pop3Verb#phases()}), the same data the step buttons and the practice server read.
 */
public final class StateDiagram {

    private StateDiagram() {
    }

    /** The states of a protocol, in the order of a normal dialogue. */
    public static List<StateNode> of(MailProtocol protocol) {
        return protocol == MailProtocol.SMTP ? smtp() : pop3();
    }

    /** The state a session in this phase is in, if the diagram draws it. */
    public static int indexOf(List<StateNode> nodes, Enum<?> phase) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).phase() == phase) {
                return i;
            }
        }
        return -1;
    }

    private static List<StateNode> smtp() {
        List<StateNode> nodes = new ArrayList<>();
        for (SmtpPhase phase : List.of(SmtpPhase.GREETED, SmtpPhase.READY, SmtpPhase.MAIL_GIVEN,
                SmtpPhase.RECIPIENTS_GIVEN, SmtpPhase.DATA_INPUT, SmtpPhase.AUTH_EXCHANGE, SmtpPhase.CLOSING)) {
            // a client before TLS and AUTH, talking to a server that offers every extension a verb needs
            SmtpState state = new SmtpState(phase, false, false, everyExtension(),
                    phase == SmtpPhase.RECIPIENTS_GIVEN ? 1 : 0);
            nodes.add(new StateNode(phase, title(phase), phase.description(),
                    ordered(SmtpVerb.implemented(), state.legalVerbs()), ordered(SmtpVerb.implemented(), state.forwardVerbs()),
                    phase != SmtpPhase.AUTH_EXCHANGE));
        }
        return nodes;
    }

    /** An EHLO reply that offers the extension of every verb that needs one: STARTTLS, AUTH, ETRN. */
    private static EhloCapabilities everyExtension() {
        List<String> lines = new ArrayList<>();
        lines.add("example.test");
        for (SmtpVerb verb : List.of(SmtpVerb.STARTTLS, SmtpVerb.AUTH, SmtpVerb.ETRN)) {
            lines.add(verb.keyword());
        }
        return EhloCapabilities.parse(SmtpReply.of(250, lines.toArray(String[]::new)));
    }

    private static List<StateNode> pop3() {
        List<StateNode> nodes = new ArrayList<>();
        for (Pop3Phase phase : List.of(Pop3Phase.AUTHORIZATION, Pop3Phase.AUTH_EXCHANGE, Pop3Phase.TRANSACTION,
                Pop3Phase.UPDATE)) {
            List<Verb> verbs = Arrays.stream(Pop3Verb.values()).filter(verb -> verb.isValidIn(phase))
                    .map(Verb.class::cast).toList();
            Pop3State state = new Pop3State(phase, false, false, false, List.of());
            nodes.add(new StateNode(phase, phase == Pop3Phase.AUTH_EXCHANGE ? "AUTH exchange" : phase.name(),
                    phase.description(), verbs, ordered(Arrays.asList(Pop3Verb.values()), state.forwardVerbs()),
                    phase != Pop3Phase.AUTH_EXCHANGE));
        }
        return nodes;
    }

    private static List<Verb> ordered(List<? extends Verb> order, Set<? extends Verb> chosen) {
        return order.stream().filter(chosen::contains).map(Verb.class::cast).toList();
    }

    /** "greeted: introduce yourself …" → "greeted"; for a description without a colon, the phase's name: "closing". */
    private static String title(SmtpPhase phase) {
        String description = phase.description();
        int colon = description.indexOf(':');
        return colon < 0 ? phase.name().toLowerCase(Locale.ROOT).replace('_', ' ') : description.substring(0, colon);
    }
}
