package dev.mailbench.lesson;

import dev.mailbench.wire.MailProtocol;
import java.util.List;
import java.util.Objects;

/**
 * A guided exercise made from a telnet walkthrough: what the student does, step by step, and how Mailbench sees
 * from the dialogue itself that each step was done. Read from a Markdown file by {@link LessonParser}.
 *
 * @param id          stable: teachers' worksheets name it ({@code first-smtp})
 * @param title       the first heading
 * @param level       beginner, intermediate or advanced
 * @param protocols   the protocols the student speaks
 * @param minutes     about how long it takes
 * @param walkthrough the walkthrough(s) it comes from ({@code 000 fig. 3, 003})
 * @param introduction the text before the first step
 * @param steps       in order
 */
public record Lesson(String id, String title, Level level, List<MailProtocol> protocols, int minutes,
                     String walkthrough, LessonText introduction, List<LessonStep> steps) {

    /** How much a student should know before starting. */
    public enum Level { BEGINNER, INTERMEDIATE, ADVANCED }

    public Lesson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(level, "level");
        protocols = List.copyOf(protocols);
        Objects.requireNonNull(walkthrough, "walkthrough");
        Objects.requireNonNull(introduction, "introduction");
        steps = List.copyOf(steps);
    }
}
