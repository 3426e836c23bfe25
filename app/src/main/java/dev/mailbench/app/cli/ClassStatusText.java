package dev.mailbench.app.cli;

import dev.mailbench.lesson.ClassProgress;
import dev.mailbench.server.practice.ClassRoster;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A class's progress as {@code class status} and the serve console print it: a table, or CSV for a gradebook. */
final class ClassStatusText {
    private ClassStatusText() {
    }

    /** One line per student, one column per lesson: {@code done}, {@code 3/9}, {@code -}. */
    static String table(List<ClassProgress.Cell> cells, List<String> lessonIds) {
        Map<String, List<ClassProgress.Cell>> byStudent = new LinkedHashMap<>();
        cells.forEach(cell -> byStudent.computeIfAbsent(cell.student(), s -> new ArrayList<>()).add(cell));
        int first = Math.max(7, byStudent.keySet().stream().mapToInt(String::length).max().orElse(7));
        List<Integer> widths = new ArrayList<>();
        StringBuilder text = new StringBuilder(String.format("%-" + first + "s", "student"));
        for (String id : lessonIds) {
            int width = Math.max(id.length(), 11);
            widths.add(width);
            text.append("  ").append(String.format("%-" + width + "s", id));
        }
        text.append('\n');
        byStudent.forEach((student, theirs) -> {
            text.append(String.format("%-" + first + "s", student));
            for (int i = 0; i < theirs.size(); i++) {
                ClassProgress.Cell cell = theirs.get(i);
                String shown = switch (cell.state()) {
                    case DONE -> "done";
                    case IN_PROGRESS -> "step " + cell.stepsDone() + "/" + cell.steps();
                    case NOT_STARTED -> "-";
                };
                text.append("  ").append(String.format("%-" + widths.get(i) + "s", shown));
            }
            text.append('\n');
        });
        long done = cells.stream().filter(cell -> cell.state() == ClassProgress.State.DONE).count();
        text.append(done).append(" of ").append(cells.size()).append(" lessons done (")
                .append(byStudent.size()).append(" students); - not started, step k/n in progress");
        return text.toString();
    }

    /** CSV for a gradebook: {@code student,lesson,steps done,completed at} (ISO 8601, UTC), one row a cell. */
    static String csv(List<ClassProgress.Cell> cells) {
        StringBuilder text = new StringBuilder("student,lesson,steps done,completed at\n");
        for (ClassProgress.Cell cell : cells) {
            text.append(ClassRoster.csv(cell.student())).append(',').append(cell.lesson()).append(',')
                    .append(cell.stepsDone()).append(',')
                    .append(cell.completedAt().map(DateTimeFormatter.ISO_INSTANT::format).orElse(""))
                    .append('\n');
        }
        return text.toString();
    }
}
