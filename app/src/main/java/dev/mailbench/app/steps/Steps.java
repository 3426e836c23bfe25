package dev.mailbench.app.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.mailbench.app.session.SessionDriver;
import dev.mailbench.explain.EventText;
import dev.mailbench.sasl.SaslClientMechanism;
import dev.mailbench.sasl.SaslPreview;
import dev.mailbench.sasl.SaslPreview.AuthLine;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Verb;

/** The steps of each protocol, and the shapes they share. */
public final class Steps {

    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String MECHANISM = "mechanism";

    private Steps() {
    }

    /** The step buttons of a protocol, in the order of a normal dialogue. */
    public static List<StepDefinition> of(MailProtocol protocol) {
        return protocol == MailProtocol.SMTP ? SmtpSteps.all() : Pop3Steps.all();
    }

    /** A step that sends one line, built from the form's values; {@code required} fields must not be blank. */
    static StepDefinition line(Verb verb, String label, List<StepField> typed, StepDefinition.Defaults defaults,
                               Function<Map<String, String>, String> line, String... required) {
        List<String> mandatory = List.of(required);
        List<StepField> fields = typed.stream()
                .map(field -> mandatory.contains(field.key()) ? field.required() : field).toList();
        return new StepDefinition(verb, label, driver -> fields, defaults,
                (values, driver) -> List.of(PreviewLine.of(line.apply(values))),
                (values, driver) -> firstProblem(fields, values),
                values -> {
                    String text = line.apply(values);
                    return driver -> driver.send(text);
                }, false);
    }

    /** QUIT: the line, then a short wait for the server to close (RFC 5321 §4.1.1.10, RFC 1939 §6). */
    static StepDefinition quit(Verb verb) {
        return new StepDefinition(verb, verb.keyword(), driver -> List.of(), (prefill, driver) -> Map.of(),
                (values, driver) -> List.of(PreviewLine.of(verb.keyword())),
                (values, driver) -> Optional.empty(),
                values -> SessionDriver::quit, false);
    }

    /**
     * AUTH with a SASL mechanism; the form shows every line it will send, base64 and what it decodes to.
     * {@code authLine} is the protocol's verb specification writing the AUTH line.
     */
    static StepDefinition auth(Verb verb, AuthLine authLine) {
        return new StepDefinition(verb, verb.keyword(),
                driver -> List.of(StepField.choice(MECHANISM, "Mechanism", mechanisms(driver)),
                        StepField.text(USER, "User"), StepField.secret(PASSWORD, "Password")),
                (prefill, driver) -> values(MECHANISM, mechanisms(driver).get(0), USER, prefill.user(),
                        PASSWORD, prefill.password()),
                (values, driver) -> {
                    SaslPreview preview = SaslPreview.of(authLine, values.get(MECHANISM), values.get(USER), values.get(PASSWORD));
                    List<PreviewLine> lines = new ArrayList<>();
                    for (SaslPreview.PreviewLine line : preview.lines()) {
                        String masked = line.secret() ? EventText.mask(line.line()) : line.line();
                        lines.add(line.annotation() == null
                                ? PreviewLine.of(line.line())
                                : new PreviewLine(masked, line.line(), line.annotation().decoded(),
                                        line.annotation().revealed()));
                    }
                    if (preview.answersChallenge()) {
                        lines.add(PreviewLine.of("(then the answer to the server's challenge, computed from the password)"));
                    }
                    return lines;
                },
                (values, driver) -> values.get(USER).isBlank() ? Optional.of("Fill in User.") : Optional.empty(),
                values -> {
                    String mechanism = values.get(MECHANISM);
                    String user = values.get(USER);
                    String password = values.get(PASSWORD);
                    return driver -> driver.authenticate(SaslClientMechanism.forName(mechanism, user, password));
                }, false);
    }

    /** The mechanisms to offer: those the server advertised that Mailbench speaks, else all it speaks. */
    static List<String> mechanisms(SessionDriver driver) {
        List<String> offered = driver == null ? List.of() : driver.authMechanisms().stream()
                .filter(SaslPreview.mechanisms()::contains).toList();
        return offered.isEmpty() ? SaslPreview.mechanisms() : offered;
    }

    /** The first field's problem with the values, in the form's order. */
    static Optional<String> firstProblem(List<StepField> fields, Map<String, String> values) {
        return fields.stream().map(field -> field.problem(values.getOrDefault(field.key(), "")))
                .flatMap(Optional::stream).findFirst();
    }

    static Optional<String> missing(List<StepField> fields, Map<String, String> values, String... required) {
        for (String key : required) {
            if (values.getOrDefault(key, "").isBlank()) {
                String label = fields.stream().filter(f -> f.key().equals(key)).map(StepField::label)
                        .findFirst().orElse(key);
                return Optional.of("Fill in " + label + ".");
            }
        }
        return Optional.empty();
    }

    /** A map of keys and values, in order: {@code values("user", "alice", "password", "")}. */
    static Map<String, String> values(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(at + 1).replace(">", "");
    }
}
