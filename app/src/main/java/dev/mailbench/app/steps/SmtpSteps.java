package dev.mailbench.app.steps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mailbench.app.session.Prefill;
import dev.mailbench.smtp.SmtpArgument;
import dev.mailbench.smtp.SmtpVerb;

/**
 * The SMTP step buttons, one per implemented {@link SmtpVerb} in its order (a normal dialogue's order), made
 * from the verb specification: the form's fields are the verb's arguments and the line is the verb's line.
 * Only what the workbench adds is here: the values a form starts with, and the forms of AUTH and DATA.
 */
final class SmtpSteps {

    private SmtpSteps() {
    }

    static List<StepDefinition> all() {
        return SmtpVerb.implemented().stream().map(SmtpSteps::step).toList();
    }

    private static StepDefinition step(SmtpVerb verb) {
        return switch (verb) {
            case AUTH -> Steps.auth(verb, SmtpVerb.AUTH::line);
            case DATA -> data();
            case QUIT -> Steps.quit(verb);
            default -> line(verb);
        };
    }

    /** A form with a field per argument of the verb; arguments that are not optional must be filled in. */
    private static StepDefinition line(SmtpVerb verb) {
        List<SmtpArgument> arguments = verb.arguments();
        List<StepField> fields = arguments.stream().map(SmtpSteps::field).toList();
        String[] required = arguments.stream().filter(argument -> !argument.optional()).map(SmtpArgument::name)
                .toArray(String[]::new);
        return Steps.line(verb, verb.label(), fields, (prefill, driver) -> initial(verb, prefill),
                values -> verb.line(arguments.stream().map(argument -> values.getOrDefault(argument.name(), ""))
                        .toList()),
                required);
    }

    /** A text field for the argument; a path's must be an address (RFC 5321 §4.1.2). */
    private static StepField field(SmtpArgument argument) {
        StepField field = StepField.text(argument.name(), argument.label());
        return !argument.path() ? field : field.checkedBy(value -> argument.accepts(value) ? Optional.empty()
                : Optional.of(argument.label() + " is not an address: write it as local-part@domain (RFC 5321 §4.1.2)."
                        + " To see a server refuse it, type the line in the command line."));
    }

    /** The values a verb's form starts with, in the order of its arguments; arguments left out start blank. */
    private static Map<String, String> initial(SmtpVerb verb, Prefill prefill) {
        List<String> initial = switch (verb) {
            case HELO, EHLO -> List.of(prefill.clientDomain());
            case MAIL -> List.of(prefill.sender());
            case RCPT -> List.of(prefill.recipient());
            case VRFY -> List.of(prefill.user());
            case EXPN -> List.of(prefill.mailingList());
            case ETRN -> List.of(Steps.domainOf(prefill.sender()));
            default -> List.of();
        };
        Map<String, String> values = new LinkedHashMap<>();
        List<SmtpArgument> arguments = verb.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            values.put(arguments.get(i).name(), i < initial.size() ? initial.get(i) : "");
        }
        return values;
    }

    /** DATA opens the composer, which sends DATA, the message and the final dot itself. */
    private static StepDefinition data() {
        String line = SmtpVerb.DATA.line();
        return new StepDefinition(SmtpVerb.DATA, SmtpVerb.DATA.label(), driver -> List.of(),
                (prefill, driver) -> Map.of(),
                (values, driver) -> List.of(PreviewLine.of(line)),
                (values, driver) -> Optional.empty(),
                values -> driver -> driver.send(line), true);
    }
}
