package dev.mailbench.lesson;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a step stands.
 *
 * @param step    the step
 * @param state   waiting, met, or an explained mistake
 * @param mistake for {@link State#MISTAKE}: what went wrong, in plain words from the explanation catalogue
 */
public record StepStatus(LessonStep step, State state, Optional<String> mistake) {

    /** What the lesson panel shows beside a step. */
    public enum State { WAITING, MET, MISTAKE }

    public StepStatus {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(mistake, "mistake");
    }

    public boolean isMet() {
        return state == State.MET;
    }
}
