package dev.mailbench.app.steps;

import java.util.List;

/**
 * One input of a guided form.
 *
 * @param key     the name the step reads it by
 * @param label   what the form calls it
 * @param kind    how it is typed
 * @param choices the options of a {@link Kind#CHOICE}; empty otherwise
 */
public record StepField(String key, String label, Kind kind, List<String> choices) {

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

    public static StepField text(String key, String label) {
        return new StepField(key, label, Kind.TEXT, List.of());
    }

    public static StepField secret(String key, String label) {
        return new StepField(key, label, Kind.SECRET, List.of());
    }

    public static StepField choice(String key, String label, List<String> choices) {
        return new StepField(key, label, Kind.CHOICE, choices);
    }
}
