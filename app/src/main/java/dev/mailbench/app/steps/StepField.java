package dev.mailbench.app.steps;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One input of a guided form.
 *
 * @param key     the name the step reads it by
 * @param label   what the form calls it
 * @param kind    how it is typed
 * @param choices the options of a {@link Kind#CHOICE}; empty otherwise
 * @param check   why a value cannot be sent in this field (blank where required, not an address), if so
 */
public record StepField(String key, String label, Kind kind, List<String> choices,
                        Function<String, Optional<String>> check) {

    public enum Kind {
        /** Free text. */
        TEXT,
        /** A password: typed unseen, masked in the preview until revealed. */
        SECRET,
        /** One of {@link #choices()}. */
        CHOICE
    }

    public StepField {
        choices = List.copyOf(choices);
    }

    /** A field that takes any value. */
    public StepField(String key, String label, Kind kind, List<String> choices) {
        this(key, label, kind, choices, value -> Optional.empty());
    }

    public static StepField text(String key, String label) {
        return new StepField(key, label, Kind.TEXT, List.of());
    }

    public static StepField secret(String key, String label) {
        return new StepField(key, label, Kind.SECRET, List.of());
    }

    public static StepField choice(String key, String label, List<String> choices) {
        return new StepField(key, label, Kind.CHOICE, choices);
    }

    /** Why {@code value} cannot be sent in this field, in a sentence for the form; empty when it can. */
    public Optional<String> problem(String value) {
        return check.apply(value == null ? "" : value);
    }

    /** The same field, with {@code more} checked after what it checks already. */
    public StepField checkedBy(Function<String, Optional<String>> more) {
        Function<String, Optional<String>> first = check;
        return new StepField(key, label, kind, choices, value -> first.apply(value).or(() -> more.apply(value)));
    }

    /** The same field, which must not be left blank. */
    public StepField required() {
        Function<String, Optional<String>> rest = check;
        return new StepField(key, label, kind, choices,
                value -> value.isBlank() ? Optional.of("Fill in " + label + ".") : rest.apply(value));
    }
}
