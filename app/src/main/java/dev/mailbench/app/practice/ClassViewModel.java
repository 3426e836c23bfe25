package dev.mailbench.app.practice;

import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventText;
import dev.mailbench.app.config.LessonFolder;
import dev.mailbench.lesson.ClassProgress;
import dev.mailbench.lesson.Lesson;
import dev.mailbench.lesson.RecordedSession;
import dev.mailbench.lesson.StoreMailboxes;
import dev.mailbench.mime.MessageSummary;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.StudentAddress;
import dev.mailbench.store.StoredMessage;
import dev.mailbench.tls.CertificateSummary;
import dev.mailbench.wire.TranscriptEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Class panel's state while the practice server serves a class: where students connect (said loudly), each
 * student against each lesson, updated from the server's connections as they happen ({@link ClassTracker}), and
 * the chosen student's recent sessions and mailbox, read-only.
 *
 * <p>Evaluating and reading happen off the UI thread; every property here changes on it.
 */
public final class ClassViewModel {

    /** How many of a student's sessions the panel shows, the newest last. */
    public static final int SESSIONS_SHOWN = 5;
    private static final DateTimeFormatter UPDATED = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** One student's row: each lesson's cell, in the lessons' order. */
    public record Row(String student, List<ClassProgress.Cell> cells) {
    }

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper(this, "updated", "");
    private final ReadOnlyStringWrapper sessions = new ReadOnlyStringWrapper(this, "sessions", "");
    private final ObservableList<String> lessons = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> mailbox = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedStudent = new SimpleObjectProperty<>(this, "selectedStudent");
    private PracticeServer server;
    private ClassTracker tracker;

    public ClassViewModel(TaskExecutor executor) {
        this.executor = executor;
        selectedStudent.addListener((observable, old, now) -> showStudent(now));
    }

    /** Follows a server in class mode (its lessons read and its tracker started off the UI thread). */
    void attach(PracticeServer running) {
        detach();
        if (running.classPolicy().students().isEmpty()) {
            return;
        }
        server = running;
        banner.set(bannerText(running));
        active.set(true);
        executor.execute(BackgroundTask.of(() -> {
            List<Lesson> all = LessonFolder.usable();
            ClassProgress progress = new ClassProgress(List.copyOf(running.classPolicy().students()), all,
                    new StoreMailboxes(running.store()), Catalogue.load(Locale.getDefault()));
            return ClassTracker.follow(running, progress);
        }).onSuccess(started -> {
            if (server != running) {
                started.close();   // stopped meanwhile
                return;
            }
            tracker = started;
            started.addListener(cells -> executor.runOnUi(() -> show(running, cells)));
            // its first evaluation may have ended before the listener came: one more, which it hears
            started.refreshSoon();
        }).onFailure(e -> updated.set("The class's progress cannot be shown: " + e.getMessage())));
    }

    /** The server stopped: nothing to follow. */
    void detach() {
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
        server = null;
        active.set(false);
    }

    private static List<String> idsOf(List<ClassProgress.Cell> cells) {
        List<String> ids = new ArrayList<>();
        for (ClassProgress.Cell cell : cells) {
            if (!ids.isEmpty() && cell.student().equals(cells.get(0).student()) && ids.contains(cell.lesson())) {
                break;
            }
            if (cell.student().equals(cells.get(0).student())) {
                ids.add(cell.lesson());
            }
        }
        return ids;
    }

    private void show(PracticeServer running, List<ClassProgress.Cell> cells) {
        if (server != running) {
            return;
        }
        if (!idsOf(cells).equals(lessons)) {
            lessons.setAll(idsOf(cells));
        }
        Map<String, List<ClassProgress.Cell>> byStudent = new LinkedHashMap<>();
        cells.forEach(cell -> byStudent.computeIfAbsent(cell.student(), s -> new ArrayList<>()).add(cell));
        List<Row> newRows = new ArrayList<>();
        byStudent.forEach((student, theirs) -> newRows.add(new Row(student, List.copyOf(theirs))));
        if (!newRows.equals(rows)) {
            rows.setAll(newRows);
        }
        long done = cells.stream().filter(cell -> cell.state() == ClassProgress.State.DONE).count();
        updated.set("Updated " + UPDATED.format(LocalTime.now()) + ": " + done + " of " + cells.size()
                + " lessons done by " + byStudent.size() + " students");
        if (selectedStudent.get() != null) {
            showStudent(selectedStudent.get());
        }
    }

    /** The chosen student's recent sessions and mailbox, read off the UI thread. */
    private void showStudent(String student) {
        PracticeServer running = server;
        ClassTracker following = tracker;
        if (student == null || running == null || following == null) {
            sessions.set("");
            mailbox.clear();
            return;
        }
        executor.execute(BackgroundTask.of(() -> new StudentDetails(sessionText(student, following.sessionsOf(student)),
                mailboxLines(running, student))).onSuccess(details -> {
                    if (student.equals(selectedStudent.get())) {
                        sessions.set(details.sessions());
                        mailbox.setAll(details.mailbox());
                    }
                }));
    }

    private record StudentDetails(String sessions, List<String> mailbox) {
    }

    /** The newest sessions, as a session file shows them: direction, line; passwords masked. */
    static String sessionText(String student, List<RecordedSession> theirs) {
        if (theirs.isEmpty()) {
            return student + " has no sessions yet.";
        }
        StringBuilder text = new StringBuilder();
        List<RecordedSession> recent = theirs.subList(Math.max(0, theirs.size() - SESSIONS_SHOWN), theirs.size());
        for (RecordedSession session : recent) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("--- ").append(session.protocol()).append(" session, ").append(session.events().size())
                    .append(" lines ---\n");
            for (TranscriptEvent event : session.events()) {
                String arrow = switch (event.direction()) {
                    case CLIENT -> "C: ";
                    case SERVER -> "S: ";
                    case NOTE -> "*  ";
                };
                text.append(arrow).append(EventText.display(event, false, false).stripTrailing()).append('\n');
            }
        }
        return text.toString();
    }

    private static List<String> mailboxLines(PracticeServer running, String student) throws IOException {
        List<String> lines = new ArrayList<>();
        for (StoredMessage message : running.store().listMessages(student)) {
            try (InputStream in = message.open()) {
                MessageSummary summary = MessageSummary.read(in);
                lines.add(summary.from() + " — " + summary.subject());
            } catch (NoSuchFileException gone) {
                // deleted between listing and reading
            }
        }
        if (lines.isEmpty()) {
            lines.add("(no messages)");
        }
        return lines;
    }

    /** Said loudly: the address students type, the ports, that relaying needs AUTH, TLS, the fingerprint. */
    static String bannerText(PracticeServer running) {
        List<String> addresses = StudentAddress.of(running.bindAddress());
        return "Students connect to " + addresses.get(0) + " — SMTP port " + running.smtpPort() + ", POP3 port "
                + running.pop3Port() + ". Relaying to other domains needs AUTH. "
                + (running.classPolicy().requireTlsForAuth() ? "Passwords only after STARTTLS / STLS. "
                        : "Passwords are accepted without TLS. ")
                + (running.bindAddress().isLoopbackAddress() ? "Listening on loopback only: other machines cannot connect. " : "")
                + "Certificate SHA-256 " + CertificateSummary.of(running.certificate()).sha256Fingerprint();
    }

    /** Says the banner again (the TLS rule was switched). */
    void refreshBanner() {
        if (server != null) {
            banner.set(bannerText(server));
        }
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionsProperty() {
        return sessions.getReadOnlyProperty();
    }

    public ObservableList<String> lessons() {
        return lessons;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> mailbox() {
        return mailbox;
    }

    public ObjectProperty<String> selectedStudentProperty() {
        return selectedStudent;
    }
}
