package dev.mailbench.lesson;

import java.util.Objects;

/**
 * One thing wrong in a lesson file, where a teacher can find it: {@code first-smtp.md:42: unknown verb "MAIK"}.
 *
 * @param file    the file's name as the teacher knows it
 * @param line    the line, from 1; 0 when the problem is the file as a whole (it cannot be read)
 * @param message what is wrong, in plain words
 */
public record LessonProblem(String file, int line, String message) {
    public LessonProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
