package dev.mailbench.lesson;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.wire.TranscriptEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A class's progress: each student against each lesson, checked by the same code as {@code lesson check}
 * ({@link LessonProgress}) over the connections that are the student's ({@link StudentFilter}), whether the
 * student used Mailbench, telnet or nc. For {@code mailbench class status}, the serve console and the window's
 * Class panel.
 *
 * <p>Keeps each student's result (and each connection's student, for the same {@link RecordedSession} object) and evaluates a student again only when the student's connections changed
 * (a new one, or more events in one), so a view can ask for it after every reply. Not thread-safe: ask it from
 * one thread.
 */
public final class ClassProgress {

    /** Where a student stands in a lesson. */
    public enum State { NOT_STARTED, IN_PROGRESS, DONE }

    /**
     * One student in one lesson.
     *
     * @param student     the student's account
     * @param lesson      the lesson's id
     * @param stepsDone   steps met
     * @param steps       the lesson's steps
     * @param completedAt the time of the last event of the connection that completed it, when done
     */
    public record Cell(String student, String lesson, int stepsDone, int steps, Optional<Instant> completedAt) {
        public Cell {
            Objects.requireNonNull(student, "student");
            Objects.requireNonNull(lesson, "lesson");
            Objects.requireNonNull(completedAt, "completedAt");
        }

        public State state() {
            return stepsDone >= steps ? State.DONE : stepsDone == 0 ? State.NOT_STARTED : State.IN_PROGRESS;
        }

        /** "done", "step 3 of 9", "not started": what the teacher reads. */
        public String describe() {
            return switch (state()) {
                case DONE -> "done";
                case IN_PROGRESS -> "step " + stepsDone + " of " + steps;
                case NOT_STARTED -> "not started";
            };
        }
    }

    private final List<String> students;
    private final List<Lesson> lessons;
    private final MailboxView mailboxes;
    private final Catalogue catalogue;
    private final Map<RecordedSession, Set<String>> identities = new IdentityHashMap<>();
    private final Map<String, Long> signatures = new HashMap<>();
    private final Map<String, List<Cell>> rows = new HashMap<>();

    public ClassProgress(List<String> students, List<Lesson> lessons, MailboxView mailboxes, Catalogue catalogue) {
        this.students = List.copyOf(students);
        this.lessons = List.copyOf(lessons);
        this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    }

    public List<String> students() {
        return students;
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    /**
     * Every student × every lesson, in the students' order then the lessons', from these connections (oldest
     * first; the ones still open included as far as they went).
     */
    public List<Cell> evaluate(List<RecordedSession> sessions) {
        Map<String, List<RecordedSession>> byStudent = new LinkedHashMap<>();
        students.forEach(student -> byStudent.put(student, new ArrayList<>()));
        Map<RecordedSession, Set<String>> seen = new IdentityHashMap<>();
        for (RecordedSession session : sessions) {
            Set<String> who = identities.get(session);
            if (who == null) {
                who = StudentFilter.identities(session);
            }
            seen.put(session, who);
            for (String identity : who) {
                List<RecordedSession> theirs = byStudent.get(identity);
                if (theirs != null) {
                    theirs.add(session);
                }
            }
        }
        identities.keySet().retainAll(seen.keySet());
        identities.putAll(seen);
        List<Cell> all = new ArrayList<>();
        byStudent.forEach((student, theirs) -> {
            long signature = signature(theirs);
            if (!rows.containsKey(student) || signatures.get(student) != signature) {
                rows.put(student, evaluate(student, theirs));
                signatures.put(student, signature);
            }
            all.addAll(rows.get(student));
        });
        return all;
    }

    /** The store changed: checks that read mailboxes are evaluated again at the next {@link #evaluate}. */
    public void mailboxesChanged() {
        rows.clear();
    }

    private List<Cell> evaluate(String student, List<RecordedSession> theirs) {
        List<Cell> cells = new ArrayList<>();
        for (Lesson lesson : lessons) {
            LessonProgress progress = new LessonProgress(lesson, mailboxes, catalogue);
            Instant completedAt = null;
            for (RecordedSession session : theirs) {
                progress.read(session);
                if (completedAt == null && progress.isComplete()) {
                    completedAt = lastTime(session);
                }
            }
            int done = (int) progress.steps().stream().filter(StepStatus::isMet).count();
            cells.add(new Cell(student, lesson.id(), done, lesson.steps().size(),
                    done == lesson.steps().size() ? Optional.ofNullable(completedAt) : Optional.empty()));
        }
        return cells;
    }

    private static Instant lastTime(RecordedSession session) {
        List<TranscriptEvent> events = session.events();
        return events.isEmpty() ? null : events.get(events.size() - 1).time();
    }

    /** Changes when a connection is added or grows: the sessions and their sizes. */
    private static long signature(List<RecordedSession> sessions) {
        long signature = sessions.size();
        for (RecordedSession session : sessions) {
            signature = signature * 31 + session.name().hashCode() * 7L + session.events().size();
        }
        return signature;
    }
}
