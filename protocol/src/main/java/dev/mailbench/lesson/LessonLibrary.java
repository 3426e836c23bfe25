package dev.mailbench.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lessons Mailbench ships ({@code dev/mailbench/lessons/} in the resources module, listed in its
 * {@code index.txt}), and a teacher's own from a folder ({@link #builtInAnd}), each validated as it is loaded, in a
 * language with English where a translation is missing. A broken lesson is listed as broken with its problems; it
 * never stops the others.
 */
public final class LessonLibrary {

    /** Where the lessons are on the class path. */
    public static final String FOLDER = "dev/mailbench/lessons/";
    static final String INDEX = "index.txt";
    private static final Logger LOG = LoggerFactory.getLogger(LessonLibrary.class);

    private final List<ParsedLesson> lessons;

    private LessonLibrary(List<ParsedLesson> lessons) {
        this.lessons = List.copyOf(lessons);
    }

    /** Where lesson files are read from, by name ({@code index.txt}, {@code first-smtp.md}). */
    @FunctionalInterface
    interface LessonFiles {
        Optional<String> read(String name) throws IOException;
    }

    /** The shipped lessons in {@code locale}'s language where they are translated. */
    public static LessonLibrary builtIn(Locale locale) {
        return from(LessonLibrary::resource, locale);
    }

    /**
     * The shipped lessons, then each lesson file in {@code folder} in the order of their names: {@code ID.md}, with
     * its translations beside it as {@code ID_<language>.md}, no index needed. A folder that does not exist adds
     * none. A file whose id a shipped lesson already has is listed as broken, the shipped lesson kept.
     */
    public static LessonLibrary builtInAnd(Path folder, Locale locale) {
        List<ParsedLesson> all = new ArrayList<>(builtIn(locale).all());
        Set<String> ids = new HashSet<>();
        all.forEach(lesson -> ids.add(lesson.id()));
        for (String file : lessonFiles(folder)) {
            String id = LessonParser.idOf(file);
            if (!ids.add(id)) {
                all.add(new ParsedLesson(id, Optional.empty(), List.of(idTaken(file, id))));
            } else {
                all.add(load(name -> read(folder.resolve(name)), id, locale));
            }
        }
        return new LessonLibrary(all);
    }

    /** The problem of a teacher's lesson file whose id a shipped lesson already has. */
    public static LessonProblem idTaken(String file, String id) {
        return new LessonProblem(file, 0, "the id " + id + " is taken by a lesson Mailbench ships; give this one another"
                + " file name and id");
    }

    /** The base lesson files in {@code folder} ({@code ID.md}, not its translations), by name. */
    private static List<String> lessonFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && name.equals(LessonParser.idOf(name) + ".md"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            LOG.error("The lessons in {} cannot be listed", folder, e);
            return List.of();
        }
    }

    private static Optional<String> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    static LessonLibrary from(LessonFiles files, Locale locale) {
        List<ParsedLesson> all = new ArrayList<>();
        String index;
        try {
            index = files.read(INDEX).orElseThrow(() -> new IOException("no " + FOLDER + INDEX + " on the class path"));
        } catch (IOException e) {
            LOG.error("The lessons cannot be listed", e);
            return new LessonLibrary(List.of());
        }
        for (String line : index.split("\\R")) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                all.add(load(files, id, locale));
            }
        }
        return new LessonLibrary(all);
    }

    private static ParsedLesson load(LessonFiles files, String id, Locale locale) {
        String file = id + ".md";
        try {
            Optional<String> english = files.read(file);
            if (english.isEmpty()) {
                return new ParsedLesson(id, Optional.empty(), List.of(new LessonProblem(file, 0,
                        "listed in " + INDEX + " but not found")));
            }
            String translationFile = id + "_" + locale.getLanguage() + ".md";
            Optional<String> translation = locale.getLanguage().isEmpty() || locale.getLanguage().equals("en")
                    ? Optional.empty() : files.read(translationFile);
            ParsedLesson parsed = translation.isPresent()
                    ? LessonParser.parse(file, english.get(), translationFile, translation.get())
                    : LessonParser.parse(file, english.get());
            parsed.problems().forEach(p -> LOG.warn("Lesson problem: {}", p));
            return parsed;
        } catch (IOException | RuntimeException e) {
            LOG.error("The lesson {} cannot be read", id, e);
            return new ParsedLesson(id, Optional.empty(), List.of(new LessonProblem(file, 0,
                    "cannot be read: " + e.getMessage())));
        }
    }

    /** Validates one lesson file on disk, with its translation if the name says it is one. */
    public static ParsedLesson validate(Path file) throws IOException {
        String name = file.getFileName().toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String id = LessonParser.idOf(name);
        if (!name.equals(id + ".md")) {
            Path english = file.resolveSibling(id + ".md");
            if (Files.exists(english)) {
                return LessonParser.parse(english.getFileName().toString(),
                        Files.readString(english, StandardCharsets.UTF_8), name, text);
            }
        }
        return LessonParser.parse(name, text);
    }

    private static Optional<String> resource(String name) throws IOException {
        try (InputStream in = LessonLibrary.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Every lesson listed, broken ones included: the index's order, then a folder's by name. */
    public List<ParsedLesson> all() {
        return lessons;
    }

    /** The lesson with this id, if it is listed and not broken. */
    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(p -> p.id().equals(id)).findFirst().flatMap(ParsedLesson::lesson);
    }
}
