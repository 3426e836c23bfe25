package dev.mailbench.app.lesson;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.mailbench.app.compose.ComposerViewModel;
import dev.mailbench.app.compose.MessageDraft;
import dev.mailbench.app.session.SessionAction;
import dev.mailbench.app.session.SessionDriver;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.session.SmtpDriver;
import dev.mailbench.app.steps.StepDefinition;
import dev.mailbench.app.steps.StepField;
import dev.mailbench.app.steps.Steps;
import dev.mailbench.lesson.Check;
import dev.mailbench.lesson.Demonstration;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.wire.MailProtocol;

/**
 * "Show me": performs a lesson step's moves in a session tab through the step buttons' own actions, with the
 * values their forms would start with (what the user sent last, else the classroom defaults), the argument a
 * check spells out, and a practice account's password where the form would leave it to the user. Each move waits
 * for its reply before the next leaves, as a student clicking would. UI thread.
 */
final class ShowMe {

    /** The field of USER's form (its argument's name in {@link Pop3Verb#USER}). */
    private static final String USER = Pop3Verb.USER.arguments().get(0).name();

    private final Function<String, Optional<String>> passwords;

    /** @param passwords the practice server's password of a classroom user, when it knows one */
    ShowMe(Function<String, Optional<String>> passwords) {
        this.passwords = passwords;
    }

    /** The protocol the moves are spoken in: the first move only one protocol has, else {@code fallback}. */
    static MailProtocol protocolOf(List<Demonstration.Move> moves, MailProtocol fallback) {
        return moves.stream().flatMap(move -> move.protocol().stream()).findFirst().orElse(fallback);
    }

    /**
     * Sends the moves on {@code session}'s connection; false when it cannot now (busy, not connected).
     *
     * @return whether the work started
     */
    boolean perform(SessionViewModel session, List<Demonstration.Move> moves) {
        SessionDriver driver = session.driver();
        if (driver == null) {
            return false;
        }
        MailProtocol protocol = driver.protocol();
        List<SessionAction> actions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Demonstration.Move move : moves) {
            String target = move.target();
            if (target.equals(Check.GREETING)) {
                continue;   // the connection itself: it is open
            }
            if (target.equals(Check.END_OF_DATA) || target.equals(SmtpVerb.DATA.keyword())) {
                if (protocol == MailProtocol.SMTP && !names.contains(SmtpVerb.DATA.label())) {
                    MessageDraft draft = new ComposerViewModel(session, ZonedDateTime.now()).draft();
                    actions.add(d -> ((SmtpDriver) d).sendMessage(draft.toBytes()));
                    names.add(SmtpVerb.DATA.label());
                }
                continue;
            }
            if (protocol == MailProtocol.POP3 && target.equals(SmtpVerb.STARTTLS.keyword())) {
                target = Pop3Verb.STLS.keyword();   // POP3's name for it (RFC 2595 §4)
            }
            String keyword = target;
            Optional<StepDefinition> step = Steps.of(protocol).stream()
                    .filter(s -> s.verb().keyword().equals(keyword)).findFirst();
            if (step.isEmpty()) {
                continue;
            }
            Map<String, String> values = values(session, step.get(), move.argument());
            values.forEach((field, value) -> session.remember(step.get().verb(), field, value));
            actions.add(step.get().action(values));
            names.add(step.get().label());
        }
        if (actions.isEmpty()) {
            return false;
        }
        return session.run("the reply to " + String.join(", ", names) + " (Show me)", d -> {
            for (SessionAction action : actions) {
                action.run(d);
            }
        });
    }

    /** The values the step's form would open with, the check's argument in its first field. */
    private Map<String, String> values(SessionViewModel session, StepDefinition step, Optional<String> argument) {
        SessionDriver driver = session.driver();
        List<StepField> fields = step.fields(driver);
        Map<String, String> defaults = step.defaults(session.services().prefill(), driver);
        Map<String, String> values = new LinkedHashMap<>();
        String user = "";
        for (StepField field : fields) {
            String value = session.remembered(step.verb(), field.key()).orElse(defaults.getOrDefault(field.key(), ""));
            if (field.kind() == StepField.Kind.CHOICE && !field.choices().contains(value)) {
                value = field.choices().get(0);
            }
            values.put(field.key(), value);
            if (field.kind() == StepField.Kind.TEXT && user.isEmpty()) {
                user = value;
            }
        }
        if (argument.isPresent() && !fields.isEmpty()) {
            StepField first = fields.get(0);
            if (first.kind() != StepField.Kind.CHOICE || first.choices().contains(argument.get())) {
                values.put(first.key(), argument.get());
            }
        }
        String login = user.isEmpty() ? session.services().prefill().user() : user;
        if (step.verb() == Pop3Verb.PASS) {
            login = session.remembered(Pop3Verb.USER, USER).orElse(session.services().prefill().user());
        }
        for (StepField field : fields) {
            if (field.kind() == StepField.Kind.SECRET && values.get(field.key()).isEmpty()) {
                passwords.apply(login).ifPresent(password -> values.put(field.key(), password));
            }
        }
        return values;
    }
}
