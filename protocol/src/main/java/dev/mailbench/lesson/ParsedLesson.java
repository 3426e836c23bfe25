package dev.mailbench.lesson;

import java.util.List;
import java.util.Optional;

/**
 * A lesson file as read: the lesson when it has no problem, and every problem found (a broken lesson is listed as
 * broken, with its problems; it never stops the others).
 *
 * @param id       the lesson's id as its file name gives it ({@code first-smtp} for {@code first-smtp_de.md})
 * @param lesson   the lesson, empty when the file has problems
 * @param problems what is wrong, in file order
 */
public record ParsedLesson(String id, Optional<Lesson> lesson, List<LessonProblem> problems) {
    public ParsedLesson {
        problems = List.copyOf(problems);
    }

    public boolean isBroken() {
        return lesson.isEmpty();
    }
}
