package dev.mailbench.lesson;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.wire.TranscriptEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A class's progress: each student against each lesson, checked by the same code as {@code lesson check}
 * ({@link LessonProgress}) over the connections that are the student's ({@link StudentFilter}: they logged in or
 * sent mail as the student), whether the student used Mailbench, telnet or nc. For {@code mailbench class
 * status}, the serve console and the window's Class panel.
 *
 * <p>Incremental, as {@link LessonProgress} is live: each connection is known by its name, and only the events
 * it has gained since the last call are read, so a view can ask after every reply of a hundred students. A
 * connection is read into its student's lessons from its first event once it says whose it is. What a student
 * has done stays done when an old connection is no longer given (the server dropped its transcript). Not
 * thread-safe: ask it from one thread.
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
     * @param completedAt the time of the event after which every step was met, when done
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

    /** One student's lessons, fed by the student's connections. */
    private final class Student {
        final String name;
        final List<LessonProgress> lessons = new ArrayList<>();
        final Instant[] completedAt;
        List<Cell> cells;

        Student(String name) {
            this.name = name;
            // everyone's messages reach the same mailboxes: a student's checks read the ones the student sent
            MailboxView own = ((MailboxView) ClassProgress.this::headers).sentBy(name);
            ClassProgress.this.lessons.forEach(lesson -> lessons.add(new LessonProgress(lesson, own, catalogue)));
            completedAt = new Instant[lessons.size()];
        }
    }

    /** One connection as far as it has been read. */
    private static final class Connection {
        final SessionFacts identity;
        int identityRead;
        Student student;
        List<LessonProgress.Connection> lessons;
        int read;
        boolean ended;

        Connection(RecordedSession session) {
            identity = new SessionFacts(new Facts(), session.protocol());
        }
    }

    private final List<String> students;
    private final List<Lesson> lessons;
    private final MailboxView mailboxes;
    private final Catalogue catalogue;
    private final Map<String, Student> byName = new LinkedHashMap<>();
    private final Map<String, Connection> connections = new HashMap<>();
    /** The mailboxes read during one evaluation: every student's checks read the same ones. */
    private final Map<String, List<Map<String, List<String>>>> mailboxesRead = new HashMap<>();

    public ClassProgress(List<String> students, List<Lesson> lessons, MailboxView mailboxes, Catalogue catalogue) {
        this.students = List.copyOf(students);
        this.lessons = List.copyOf(lessons);
        this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.students.forEach(name -> byName.put(name, new Student(name)));
    }

    public List<String> students() {
        return students;
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    /** Every student × every lesson from these ended connections (oldest first): {@code class status}. */
    public List<Cell> evaluate(List<RecordedSession> ended) {
        return evaluate(ended, List.of());
    }

    /**
     * Every student × every lesson, in the students' order then the lessons', after reading what is new in these
     * connections: {@code ended} ones (oldest first) and {@code open} ones, as far as they went. Each connection is
     * known by its {@link RecordedSession#name()}: the same name, given again with more events or as ended, is
     * read on from where it was.
     */
    public List<Cell> evaluate(List<RecordedSession> ended, List<RecordedSession> open) {
        mailboxesRead.clear();
        Set<Student> changed = new HashSet<>();
        Set<String> given = new HashSet<>();
        for (RecordedSession session : ended) {
            read(session, true, changed);
            given.add(session.name());
        }
        for (RecordedSession session : open) {
            read(session, false, changed);
            given.add(session.name());
        }
        connections.keySet().retainAll(given);
        List<Cell> all = new ArrayList<>();
        for (Student student : byName.values()) {
            if (student.cells == null || changed.contains(student)) {
                student.cells = cells(student);
            }
            all.addAll(student.cells);
        }
        return all;
    }

    /** A mailbox as the checks read it, read once in an evaluation. */
    private List<Map<String, List<String>>> headers(String user) throws IOException {
        List<Map<String, List<String>>> headers = mailboxesRead.get(user);
        if (headers == null) {
            headers = mailboxes.headers(user);
            mailboxesRead.put(user, headers);
        }
        return headers;
    }

    /** The store changed: checks that read mailboxes are evaluated again at the next {@link #evaluate}. */
    public void mailboxesChanged() {
        for (Student student : byName.values()) {
            student.lessons.forEach(LessonProgress::mailboxesChanged);
            student.cells = null;
        }
    }

    private void read(RecordedSession session, boolean ended, Set<Student> changed) {
        Connection connection = connections.computeIfAbsent(session.name(), name -> new Connection(session));
        List<TranscriptEvent> events = session.events();
        if (connection.student == null) {
            for (; connection.identityRead < events.size(); connection.identityRead++) {
                connection.identity.accept(events.get(connection.identityRead));
            }
            for (String identity : connection.identity.identities()) {
                Student student = byName.get(identity);
                if (student != null) {
                    connection.student = student;
                    connection.lessons = new ArrayList<>();
                    student.lessons.forEach(progress -> connection.lessons.add(progress.connection(session.protocol())));
                    break;
                }
            }
            if (connection.student == null) {
                return;   // nobody's yet (a bare EHLO), or not a student's
            }
        }
        if (connection.read < events.size()) {
            for (; connection.read < events.size(); connection.read++) {
                TranscriptEvent event = events.get(connection.read);
                connection.lessons.forEach(lesson -> lesson.accept(event));
            }
            changed.add(connection.student);
            noteCompletions(connection.student, events.get(events.size() - 1).time());
        }
        if (ended && !connection.ended) {
            connection.ended = true;
            connection.lessons.forEach(LessonProgress.Connection::ended);
            changed.add(connection.student);
        }
    }

    /** The first time a lesson is complete: the time of the last event read. */
    private static void noteCompletions(Student student, Instant lastEvent) {
        for (int i = 0; i < student.lessons.size(); i++) {
            if (student.completedAt[i] == null && student.lessons.get(i).isComplete()) {
                student.completedAt[i] = lastEvent;
            }
        }
    }

    private List<Cell> cells(Student student) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < lessons.size(); i++) {
            LessonProgress progress = student.lessons.get(i);
            int done = (int) progress.steps().stream().filter(StepStatus::isMet).count();
            int steps = lessons.get(i).steps().size();
            cells.add(new Cell(student.name, lessons.get(i).id(), done, steps,
                    done == steps ? Optional.ofNullable(student.completedAt[i]) : Optional.empty()));
        }
        return List.copyOf(cells);
    }
}
