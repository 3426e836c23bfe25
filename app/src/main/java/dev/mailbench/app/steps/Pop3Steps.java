package dev.mailbench.app.steps;

import static dev.mailbench.app.steps.Steps.values;

import java.util.List;
import java.util.Optional;

import dev.mailbench.explain.EventText;
import dev.mailbench.pop3.Pop3CommandLines;
import dev.mailbench.pop3.Pop3Verb;

/** The POP3 step buttons, in the order of {@link Pop3Verb}: a normal dialogue's order. */
final class Pop3Steps {

    static final String MESSAGE = "message";
    static final String LINES = "lines";
    static final String SECRET = "secret";

    private Pop3Steps() {
    }

    static List<StepDefinition> all() {
        return List.of(
                Steps.bare("CAPA", "CAPA"),
                Steps.bare("STLS", "STLS"),
                Steps.line("USER", "USER", List.of(StepField.text(Steps.USER, "User")),
                        (prefill, driver) -> values(Steps.USER, prefill.user()),
                        v -> Pop3CommandLines.user(v.get(Steps.USER)), Steps.USER),
                pass(),
                apop(),
                Steps.auth(Pop3Verb.AUTH.name()),
                Steps.bare("STAT", "STAT"),
                number(Pop3Verb.LIST, "Message (blank: all)", ""),
                number(Pop3Verb.UIDL, "Message (blank: all)", ""),
                number(Pop3Verb.RETR, "Message", "1"),
                top(),
                number(Pop3Verb.DELE, "Message", "1"),
                Steps.bare("RSET", "RSET"),
                Steps.bare("NOOP", "NOOP"),
                Steps.quit(Pop3Verb.QUIT.name()));
    }

    /** PASS: the password travels in clear text (RFC 1939 §13), so the preview masks it until revealed. */
    private static StepDefinition pass() {
        List<StepField> fields = List.of(StepField.secret(Steps.PASSWORD, "Password"));
        return new StepDefinition("PASS", "PASS", driver -> fields,
                (prefill, driver) -> values(Steps.PASSWORD, prefill.password()),
                (values, driver) -> {
                    String line = Pop3CommandLines.pass(values.get(Steps.PASSWORD));
                    return List.of(new PreviewLine(EventText.mask(line), line, "", ""));
                },
                (values, driver) -> Optional.empty(),
                values -> {
                    String line = Pop3CommandLines.pass(values.get(Steps.PASSWORD));
                    return driver -> driver.send(line);
                }, false);
    }

    /** APOP: the digest of the greeting's timestamp and the secret (RFC 1939 §7), computed live. */
    private static StepDefinition apop() {
        List<StepField> fields = List.of(StepField.text(Steps.USER, "User"), StepField.secret(SECRET, "Shared secret"));
        return new StepDefinition("APOP", "APOP", driver -> fields,
                (prefill, driver) -> values(Steps.USER, prefill.user(), SECRET, prefill.password()),
                (values, driver) -> List.of(driver.apopTimestamp()
                        .map(timestamp -> PreviewLine.of(Pop3CommandLines.apop(values.get(Steps.USER), timestamp,
                                values.get(SECRET))))
                        .orElse(PreviewLine.of("(the server's greeting carried no APOP timestamp)"))),
                (values, driver) -> driver.apopTimestamp().isEmpty()
                        ? Optional.of("This server does not offer APOP: its greeting has no timestamp <…@…>.")
                        : Steps.missing(fields, values, Steps.USER),
                values -> driver -> driver.send(Pop3CommandLines.apop(values.get(Steps.USER),
                        driver.apopTimestamp().orElseThrow(), values.get(SECRET))), false);
    }

    private static StepDefinition number(Pop3Verb verb, String label, String initial) {
        boolean optional = initial.isEmpty();
        List<StepField> fields = List.of(StepField.text(MESSAGE, label));
        return Steps.line(verb.name(), verb.name(), fields,
                (prefill, driver) -> values(MESSAGE, initial),
                v -> optional ? Pop3CommandLines.withOptionalNumber(verb, v.get(MESSAGE))
                        : Pop3CommandLines.withNumber(verb, v.get(MESSAGE)),
                optional ? new String[0] : new String[] {MESSAGE});
    }

    private static StepDefinition top() {
        List<StepField> fields = List.of(StepField.text(MESSAGE, "Message"), StepField.text(LINES, "Body lines"));
        return Steps.line("TOP", "TOP", fields,
                (prefill, driver) -> values(MESSAGE, "1", LINES, "10"),
                v -> Pop3CommandLines.top(v.get(MESSAGE), v.get(LINES)), MESSAGE, LINES);
    }
}
