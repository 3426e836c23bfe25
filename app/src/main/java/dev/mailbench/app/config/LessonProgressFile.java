package dev.mailbench.app.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which steps of each lesson the user has done, in {@code lesson-progress} in the config directory: one line per
 * lesson, {@code first-smtp: 1 2 3}, the steps numbered from 1 as the lesson panel shows them. A line that cannot be
 * read is left out. The methods do disk work: call them off the UI thread.
 */
public final class LessonProgressFile {

    static final String FILE_NAME = "lesson-progress";

    private final ConfigTextFile file;

    public LessonProgressFile(Path configDirectory) {
        this.file = new ConfigTextFile(configDirectory, FILE_NAME);
    }

    public Path file() {
        return file.file();
    }

    /** The steps done, by lesson id, counted from 0; empty when nothing was saved. */
    public Map<String, Set<Integer>> load() throws IOException {
        Map<String, Set<Integer>> all = new TreeMap<>();
        for (String line : file.entries()) {
            int colon = line.indexOf(':');
            if (colon < 1) {
                continue;
            }
            Set<Integer> steps = new TreeSet<>();
            for (String number : line.substring(colon + 1).trim().split("\\s+")) {
                if (number.matches("[1-9]\\d{0,3}")) {
                    steps.add(Integer.parseInt(number) - 1);
                }
            }
            all.put(line.substring(0, colon).trim(), Collections.unmodifiableSet(steps));
        }
        return Collections.unmodifiableMap(all);
    }

    /** Writes every lesson's steps, replacing the file whole; a lesson with none is left out. */
    public void save(Map<String, Set<Integer>> progress) throws IOException {
        List<String> lines = new ArrayList<>();
        new TreeMap<>(progress).forEach((id, steps) -> {
            if (!steps.isEmpty()) {
                lines.add(id + ": " + new TreeSet<>(steps).stream().map(i -> Integer.toString(i + 1))
                        .collect(Collectors.joining(" ")));
            }
        });
        file.write("the steps of each lesson done so far (lesson id: step numbers)", lines);
    }
}
