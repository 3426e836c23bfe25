package dev.mailbench.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import dev.mailbench.lesson.Lesson;
import dev.mailbench.lesson.LessonLibrary;

/**
 * The lessons a user has: the ones Mailbench ships, then a teacher's own, dropped as {@code ID.md} files (with
 * {@code ID_<language>.md} translations) into the {@value #NAME} folder of the configuration directory. The window's
 * lesson panel, {@code mailbench lesson} and the class views all read them from here.
 */
public final class LessonFolder {

    /** The folder's name inside the configuration directory. */
    public static final String NAME = "lessons";

    private LessonFolder() {
    }

    /** Where a teacher's own lessons go; it may not exist. */
    public static Path of(Path configDirectory) {
        return configDirectory.resolve(NAME);
    }

    /** Every lesson, broken ones included (listed with their problems). Reads files: not on the UI thread. */
    public static LessonLibrary library(Path configDirectory, Locale locale) {
        return LessonLibrary.builtInAnd(of(configDirectory), locale);
    }

    /** The lessons that load, broken ones left out: what a class's progress is counted against. */
    public static List<Lesson> usable(Path configDirectory, Locale locale) {
        return library(configDirectory, locale).all().stream().flatMap(parsed -> parsed.lesson().stream()).toList();
    }

    /** {@link #usable} in this user's configuration directory and language. */
    public static List<Lesson> usable() {
        return usable(ConfigDirectory.resolve(), Locale.getDefault());
    }
}
