package dev.mailbench.app.steps;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.mailbench.app.session.Prefill;
import dev.mailbench.app.session.SessionAction;
import dev.mailbench.app.session.SessionDriver;
import dev.mailbench.wire.Verb;

/**
 * One button of the step bar: a verb, the form for its arguments, the lines it will send, and how it sends
 * them. The lines come from the protocol module's command-line builders, so the preview is exactly what
 * the session sends.
 */
public final class StepDefinition {

    /** What a form is made of, given the session (for choices that depend on what the server offered). */
    @FunctionalInterface
    public interface Fields {
        List<StepField> of(SessionDriver driver);
    }

    /** The values a form starts with. */
    @FunctionalInterface
    public interface Defaults {
        Map<String, String> of(Prefill prefill, SessionDriver driver);
    }

    private final Verb verb;
    private final String label;
    private final Fields fields;
    private final Defaults defaults;
    private final BiFunction<Map<String, String>, SessionDriver, List<PreviewLine>> preview;
    private final BiFunction<Map<String, String>, SessionDriver, Optional<String>> problem;
    private final Function<Map<String, String>, SessionAction> action;
    private final boolean composer;

    StepDefinition(Verb verb, String label, Fields fields, Defaults defaults,
                   BiFunction<Map<String, String>, SessionDriver, List<PreviewLine>> preview,
                   BiFunction<Map<String, String>, SessionDriver, Optional<String>> problem,
                   Function<Map<String, String>, SessionAction> action, boolean composer) {
        this.verb = verb;
        this.label = label;
        this.fields = fields;
        this.defaults = defaults;
        this.preview = preview;
        this.problem = problem;
        this.action = action;
        this.composer = composer;
    }

    /** The verb the step sends; its legality, its catalogue entry and its remembered values are the verb's. */
    public Verb verb() {
        return verb;
    }

    /** The button's text ({@code MAIL FROM}). */
    public String label() {
        return label;
    }

    public List<StepField> fields(SessionDriver driver) {
        return fields.of(driver);
    }

    /** Whether the step sends a password or a secret derived from one (AUTH, PASS, APOP). */
    public boolean carriesCredentials(SessionDriver driver) {
        return fields(driver).stream().anyMatch(field -> field.kind() == StepField.Kind.SECRET);
    }

    public Map<String, String> defaults(Prefill prefill, SessionDriver driver) {
        return defaults.of(prefill, driver);
    }

    /** The lines that will be sent with these values. */
    public List<PreviewLine> preview(Map<String, String> values, SessionDriver driver) {
        return preview.apply(values, driver);
    }

    /** Why these values cannot be sent (a missing address), if so. */
    public Optional<String> problem(Map<String, String> values, SessionDriver driver) {
        return problem.apply(values, driver);
    }

    public SessionAction action(Map<String, String> values) {
        return action.apply(values);
    }

    /** Whether the step opens the message composer (DATA) instead of a form. */
    public boolean isComposer() {
        return composer;
    }

    @Override
    public String toString() {
        return label;
    }
}
