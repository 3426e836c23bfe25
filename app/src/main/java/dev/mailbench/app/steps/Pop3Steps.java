package dev.mailbench.app.steps;

import dev.mailbench.sasl.ApopDigest;
import static dev.mailbench.app.steps.Steps.values;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mailbench.app.session.Prefill;
import dev.mailbench.explain.EventText;
import dev.mailbench.pop3.Pop3Argument;
import dev.mailbench.pop3.Pop3Verb;

/**
 * The POP3 step buttons, one per {@link Pop3Verb} in its order (a normal dialogue's order): the form's
 * fields are the verb's arguments and the line is the one the verb builds, so the buttons show what the
 * protocol module defines. AUTH and QUIT share their steps with SMTP; PASS masks its preview and APOP asks
 * for the shared secret instead of the digest.
 */
final class Pop3Steps {

    static final String MESSAGE = "message";
    static final String LINES = "lines";
    static final String SECRET = "secret";

    private Pop3Steps() {
    }

    static List<StepDefinition> all() {
        return Arrays.stream(Pop3Verb.values()).map(Pop3Steps::step).toList();
    }

    private static StepDefinition step(Pop3Verb verb) {
        return switch (verb) {
            case PASS -> pass();
            case APOP -> apop();
            case AUTH -> Steps.auth(verb, Pop3Verb.AUTH::line);
            case QUIT -> Steps.quit(verb);
            default -> line(verb);
        };
    }

    /** A step that sends the verb's line, its form made of the verb's arguments. */
    private static StepDefinition line(Pop3Verb verb) {
        String[] required = verb.arguments().stream().filter(argument -> !argument.optional())
                .map(Pop3Argument::name).toArray(String[]::new);
        return Steps.line(verb, verb.keyword(), fields(verb), (prefill, driver) -> defaults(verb, prefill),
                verb::line, required);
    }

    /** PASS: the password travels in clear text (RFC 1939 §13), so the preview masks it until revealed. */
    private static StepDefinition pass() {
        Pop3Verb verb = Pop3Verb.PASS;
        return new StepDefinition(verb, verb.keyword(), driver -> fields(verb),
                (prefill, driver) -> defaults(verb, prefill),
                (values, driver) -> {
                    String line = verb.line(values);
                    return List.of(new PreviewLine(EventText.mask(line), line, "", ""));
                },
                (values, driver) -> Optional.empty(),
                values -> {
                    String line = verb.line(values);
                    return driver -> driver.send(line);
                }, false);
    }

    /** APOP: the digest of the greeting's timestamp and the secret (RFC 1939 §7), computed live. */
    private static StepDefinition apop() {
        Pop3Verb verb = Pop3Verb.APOP;
        List<StepField> fields = List.of(StepField.text(Steps.USER, "User"), StepField.secret(SECRET, "Shared secret"));
        return new StepDefinition(verb, verb.keyword(), driver -> fields,
                (prefill, driver) -> values(Steps.USER, prefill.user(), SECRET, prefill.password()),
                (values, driver) -> List.of(driver.apopTimestamp()
                        .map(timestamp -> PreviewLine.of(apopLine(values, timestamp)))
                        .orElse(PreviewLine.of("(the server's greeting carried no " + verb.keyword() + " timestamp)"))),
                (values, driver) -> driver.apopTimestamp().isEmpty()
                        ? Optional.of("This server does not offer " + verb.keyword() + ": its greeting has no timestamp <…@…>.")
                        : Steps.missing(fields, values, Steps.USER),
                values -> driver -> driver.send(apopLine(values, driver.apopTimestamp().orElseThrow())), false);
    }

    private static String apopLine(Map<String, String> values, String timestamp) {
        return Pop3Verb.APOP.line(values.get(Steps.USER), ApopDigest.of(timestamp, values.get(SECRET)));
    }

    private static List<StepField> fields(Pop3Verb verb) {
        return verb.arguments().stream()
                .map(argument -> argument.secret() ? StepField.secret(argument.name(), argument.label())
                        : StepField.text(argument.name(), argument.label()))
                .toList();
    }

    /** What a form starts with: who is logging in, and message 1 and ten body lines where a number is needed. */
    private static Map<String, String> defaults(Pop3Verb verb, Prefill prefill) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Pop3Argument argument : verb.arguments()) {
            defaults.put(argument.name(), switch (argument.name()) {
                case Steps.USER -> prefill.user();
                case Steps.PASSWORD -> prefill.password();
                case MESSAGE -> argument.optional() ? "" : "1";
                case LINES -> "10";
                default -> "";
            });
        }
        return defaults;
    }
}
