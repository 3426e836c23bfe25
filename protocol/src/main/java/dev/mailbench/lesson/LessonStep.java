package dev.mailbench.lesson;

import java.util.List;
import java.util.Objects;

/**
 * One step of a lesson.
 *
 * @param title        its heading
 * @param instructions what to do
 * @param hints        up to three, shown one at a time
 * @param check        how the dialogue shows the step was done
 * @param seen         "what you just saw", shown once the check is met
 * @param needs        practice-server settings the step needs, switched for it and restored afterwards
 * @param line         where the step starts in its file
 */
public record LessonStep(String title, LessonText instructions, List<LessonText> hints, Check check,
                         LessonText seen, List<ServerSetting> needs, int line) {

    /** Hints beyond three stop being hints and start being the answer. */
    public static final int MAX_HINTS = 3;

    public LessonStep {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instructions, "instructions");
        hints = List.copyOf(hints);
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(seen, "seen");
        needs = List.copyOf(needs);
    }
}
