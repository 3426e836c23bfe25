package dev.mailbench.app.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.mailbench.app.config.LessonFolder;
import dev.mailbench.app.config.LessonProgressFile;
import dev.mailbench.app.practice.MailboxRow;
import dev.mailbench.app.practice.PracticeServerViewModel;
import dev.mailbench.app.session.SessionDriver;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.lesson.Check;
import dev.mailbench.lesson.Demonstration;
import dev.mailbench.lesson.Lesson;
import dev.mailbench.lesson.LessonLibrary;
import dev.mailbench.lesson.LessonProgress;
import dev.mailbench.lesson.MailboxView;
import dev.mailbench.lesson.ParsedLesson;
import dev.mailbench.lesson.StepStatus;
import dev.mailbench.lesson.StoreMailboxes;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptListener;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lesson panel's state: the lessons (broken ones listed with their problems), the one chosen, where each of its
 * steps stands, how many hints of the current step are shown, and what the panel last had to say.
 *
 * <p>The chosen lesson reads the live transcript of every session tab's connection through {@link LessonProgress},
 * the same code {@code mailbench lesson check} uses after the fact. It is fed on a thread of its own (a check may
 * read a mailbox; the progress file is written there too), never the UI thread; the steps' states come back to the
 * UI thread as soon as a reply changed them. Every property here changes on the UI thread.
 */
public final class LessonPanelViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LessonPanelViewModel.class);

    /** What the panel needs of the window: its tabs, the one in front, and a way to open one. */
    public record Window(ObservableList<SessionViewModel> sessions, Supplier<Optional<SessionViewModel>> inFront,
                         Function<MailProtocol, SessionViewModel> open) {
    }

    private final TaskExecutor executor;
    private final Catalogue catalogue;
    private final LessonProgressFile file;
    private final Path configDirectory;
    private final Window window;
    private final Optional<PracticeServerViewModel> practice;
    private final ServerSettings settings;
    private final ShowMe showMe;
    private final ExecutorService lessonThread = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "mailbench-lesson");
        thread.setDaemon(true);
        return thread;
    });

    private final ObservableList<ParsedLesson> lessons = FXCollections.observableArrayList();
    private final ObjectProperty<ParsedLesson> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<List<StepStatus>> steps = new ReadOnlyObjectWrapper<>(this, "steps", List.of());
    private final ReadOnlyIntegerWrapper currentIndex = new ReadOnlyIntegerWrapper(this, "currentIndex", -1);
    private final ReadOnlyIntegerWrapper hintsShown = new ReadOnlyIntegerWrapper(this, "hintsShown", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper announcement = new ReadOnlyStringWrapper(this, "announcement", "");
    private final List<Attachment> attachments = new ArrayList<>();
    private final Map<SessionViewModel, ChangeListener<SessionDriver>> driverListeners = new HashMap<>();

    /** The progress the UI thread last handed the lesson thread (the same object, fed only on that thread). */
    private LessonProgress progressOnUi;

    // ---- the lesson thread's own ----
    private LessonProgress progress;
    private List<StepStatus> published;
    private Map<String, Set<Integer>> saved = new HashMap<>();

    /**
     * @param configDirectory where the progress file and a teacher's own lessons are ({@link LessonFolder})
     */
    public LessonPanelViewModel(TaskExecutor executor, Catalogue catalogue, Path configDirectory, Window window,
                                Optional<PracticeServerViewModel> practice) {
        this.executor = executor;
        this.configDirectory = configDirectory;
        LessonProgressFile file = new LessonProgressFile(configDirectory);
        this.catalogue = catalogue;
        this.file = file;
        this.window = window;
        this.practice = practice;
        this.settings = new ServerSettings(practice);
        this.showMe = new ShowMe(this::password);
        selected.addListener((observable, old, now) -> choose(now, true));
        window.sessions().forEach(this::watch);
        window.sessions().addListener((ListChangeListener<SessionViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::unwatch);
                change.getAddedSubList().forEach(this::watch);
            }
        });
    }

    /**
     * Reads the lessons and the progress file off the UI thread, then chooses {@code lessonId} if given (an unknown
     * one is said in {@link #messageProperty()}).
     */
    public void load(Optional<String> lessonId, Locale locale) {
        lessonThread.execute(() -> {
            LessonLibrary library = LessonFolder.library(configDirectory, locale);
            try {
                saved = new HashMap<>(file.load());
            } catch (Exception e) {
                LOG.warn("Lesson progress unreadable in {}", file.file(), e);
                executor.runOnUi(() -> message.set("Could not read the lesson progress in " + file.file() + ": "
                        + e.getMessage()));
            }
            executor.runOnUi(() -> {
                lessons.setAll(library.all());
                lessonId.ifPresent(id -> lessons.stream().filter(l -> l.id().equals(id)).findFirst()
                        .ifPresentOrElse(selected::set, () -> message.set("There is no lesson \"" + id
                                + "\". Choose one from the list.")));
            });
        });
    }

    /** Every lesson listed, broken ones included, in the library's order. */
    public ObservableList<ParsedLesson> lessons() {
        return lessons;
    }

    public ObjectProperty<ParsedLesson> selectedProperty() {
        return selected;
    }

    /** Each step's state, in order; empty while no working lesson is chosen. */
    public ReadOnlyObjectProperty<List<StepStatus>> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    /** The index of the first step not met yet; -1 when the lesson is complete or none is chosen. */
    public ReadOnlyIntegerProperty currentIndexProperty() {
        return currentIndex.getReadOnlyProperty();
    }

    /** How many hints of the current step are shown. */
    public ReadOnlyIntegerProperty hintsShownProperty() {
        return hintsShown.getReadOnlyProperty();
    }

    /** What the panel has to say besides the steps (an unknown lesson, why Show me cannot act); may be empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The current step's state in one sentence, for the screen and a screen reader. */
    public ReadOnlyStringProperty announcementProperty() {
        return announcement.getReadOnlyProperty();
    }

    /** The chosen lesson when it is not broken. */
    public Optional<Lesson> lesson() {
        return Optional.ofNullable(selected.get()).flatMap(ParsedLesson::lesson);
    }

    /** The current step, if a lesson is chosen and not complete. */
    public Optional<StepStatus> current() {
        int index = currentIndex.get();
        return index < 0 ? Optional.empty() : Optional.of(steps.get().get(index));
    }

    /** Shows one more hint of the current step, up to its last. */
    public void hint() {
        current().ifPresent(status -> {
            if (hintsShown.get() < status.step().hints().size()) {
                hintsShown.set(hintsShown.get() + 1);
            }
        });
    }

    /**
     * Performs the current step through the step buttons' actions: in the tab in front when it speaks the step's
     * protocol, else in a tab that does, else in a new tab on the practice server (connected first).
     */
    public void showMe() {
        LessonProgress mine = progressOnUi;
        if (mine == null || current().isEmpty()) {
            return;
        }
        lessonThread.execute(() -> {
            if (progress != mine) {
                return;
            }
            List<Demonstration.Move> moves = mine.toShow();
            executor.runOnUi(() -> perform(moves));
        });
    }

    /** Forgets the chosen lesson's progress, on disk too; connections opened from now on count. */
    public void reset() {
        ParsedLesson chosen = selected.get();
        if (chosen == null || chosen.isBroken()) {
            return;
        }
        lessonThread.execute(() -> {
            saved.remove(chosen.id());
            save();
        });
        choose(chosen, false);
        message.set("Progress reset: the lesson counts what you do from now on, on a new connection (Show me opens one).");
    }

    /** Puts back the server settings a step switched and stops reading transcripts: the window is closing. */
    public void shutdown() {
        settings.restore();
        detachAll();
        lessonThread.shutdown();
    }

    // ---------------------------------------------------------------- reading the tabs' transcripts

    /** A transcript read for the chosen lesson. */
    private record Attachment(Transcript transcript, TranscriptListener listener) {
    }

    private void choose(ParsedLesson chosen, boolean withHistory) {
        detachAll();
        settings.restore();
        hintsShown.set(0);
        currentIndex.set(-1);
        steps.set(List.of());
        announcement.set("");
        if (withHistory) {
            message.set("");
        }
        if (chosen == null || chosen.isBroken()) {
            progressOnUi = null;
            lessonThread.execute(() -> progress = null);
            if (chosen != null) {
                message.set("This lesson cannot be used: " + String.join("; ",
                        chosen.problems().stream().map(Object::toString).toList()));
            }
            return;
        }
        Lesson lesson = chosen.lesson().orElseThrow();
        MailboxView mailboxes = practice.flatMap(PracticeServerViewModel::server)
                .<MailboxView>map(server -> new StoreMailboxes(server.store())).orElse(MailboxView.NONE);
        LessonProgress next = new LessonProgress(lesson, new LazyMailboxes(mailboxes, practice), catalogue);
        progressOnUi = next;
        lessonThread.execute(() -> {
            progress = next;
            published = null;
            if (withHistory) {
                next.restore(saved.getOrDefault(lesson.id(), Set.of()));
            }
            publish(next);
        });
        for (SessionViewModel session : window.sessions()) {
            SessionDriver driver = session.driver();
            if (driver != null && withHistory) {
                attach(next, driver, true);
            }
        }
    }

    private void watch(SessionViewModel session) {
        ChangeListener<SessionDriver> listener = (observable, old, now) -> {
            LessonProgress mine = progressOnUi;
            if (now != null && mine != null) {
                attach(mine, now, true);
            }
        };
        driverListeners.put(session, listener);
        session.driverProperty().addListener(listener);
    }

    private void unwatch(SessionViewModel session) {
        ChangeListener<SessionDriver> listener = driverListeners.remove(session);
        if (listener != null) {
            session.driverProperty().removeListener(listener);
        }
    }

    /**
     * Runs {@code work} on the lesson thread; once the window has closed (the thread shut down), a line that still
     * arrives, such as the note of a connection closed on the way out, is for no lesson and is dropped.
     */
    private void onLessonThread(Runnable work) {
        try {
            lessonThread.execute(work);
        } catch (RejectedExecutionException closed) {
            LOG.debug("A transcript line after the lesson panel closed is not checked", closed);
        }
    }

    /** Feeds {@code driver}'s transcript to {@code mine}, from its greeting on, on the lesson thread. */
    private void attach(LessonProgress mine, SessionDriver driver, boolean withHistory) {
        MailProtocol protocol = driver.protocol();
        LessonProgress.Connection[] connection = new LessonProgress.Connection[1];
        TranscriptListener listener = event -> onLessonThread(() -> {
            if (progress != mine) {
                return;
            }
            if (connection[0] == null) {
                connection[0] = mine.connection(protocol);
            }
            connection[0].accept(event);
            publish(mine);
        });
        attachments.add(new Attachment(driver.transcript(), listener));
        if (withHistory) {
            driver.transcript().addListenerWithHistory(listener);
        } else {
            driver.transcript().addListener(listener);
        }
    }

    private void detachAll() {
        attachments.forEach(a -> a.transcript().removeListener(a.listener()));
        attachments.clear();
    }

    /** Lesson thread: hands the steps' states to the UI thread when they changed, and saves new progress. */
    private void publish(LessonProgress mine) {
        List<StepStatus> now;
        Set<Integer> met;
        try {
            now = mine.steps();
            met = mine.metSteps();
        } catch (RuntimeException e) {
            LOG.warn("A lesson check failed", e);
            return;
        }
        if (now == published) {
            return;
        }
        published = now;
        String id = mine.lesson().id();
        if (!met.equals(saved.getOrDefault(id, Set.of()))) {
            saved.put(id, new TreeSet<>(met));
            save();
        }
        executor.runOnUi(() -> {
            if (progressOnUi == mine) {
                show(now);
            }
        });
    }

    /** Lesson thread: writes the progress file. */
    private void save() {
        try {
            file.save(saved);
        } catch (Exception e) {
            LOG.warn("Lesson progress not saved in {}", file.file(), e);
            executor.runOnUi(() -> message.set("Could not save the lesson progress in " + file.file() + ": "
                    + e.getMessage()));
        }
    }

    private void show(List<StepStatus> now) {
        int before = currentIndex.get();
        int index = -1;
        for (int i = 0; i < now.size(); i++) {
            if (!now.get(i).isMet()) {
                index = i;
                break;
            }
        }
        steps.set(now);
        currentIndex.set(index);
        if (index != before) {
            hintsShown.set(0);
            settings.apply(index < 0 ? List.of() : now.get(index).step().needs());
        }
        announcement.set(announce(now, index));
    }

    /** "Step 2 of 5, Give the envelope: waiting." / "…: The server answered 503 …" / "Lesson complete." */
    private static String announce(List<StepStatus> now, int index) {
        if (index < 0) {
            return now.isEmpty() ? "" : "Lesson complete: all " + now.size() + " steps done.";
        }
        StepStatus status = now.get(index);
        String where = "Step " + (index + 1) + " of " + now.size() + ", " + status.step().title() + ": ";
        return switch (status.state()) {
            case WAITING -> where + "waiting for you.";
            case MISTAKE -> where + status.mistake().orElse("not yet.");
            case MET -> where + "done.";
        };
    }

    // ---------------------------------------------------------------- Show me

    private void perform(List<Demonstration.Move> moves) {
        if (moves.isEmpty()) {
            return;
        }
        Optional<SessionViewModel> front = window.inFront().get();
        Lesson lesson = lesson().orElseThrow();
        MailProtocol fallback = front.map(s -> s.protocolProperty().get())
                .orElse(lesson.protocols().isEmpty() ? MailProtocol.SMTP : lesson.protocols().get(0));
        MailProtocol protocol = ShowMe.protocolOf(moves, fallback);
        // a greeting not read yet (progress reset on an open connection) needs a connection of its own
        boolean connecting = moves.stream().anyMatch(move -> move.target().equals(Check.GREETING));
        SessionViewModel session = front.filter(s -> s.protocolProperty().get() == protocol
                        && !(connecting && s.connectedProperty().get()))
                .or(() -> window.sessions().stream().filter(s -> !connecting && s.protocolProperty().get() == protocol
                        && s.connectedProperty().get()).findFirst())
                .orElseGet(() -> window.open().apply(protocol));
        if (session.connectedProperty().get() && !session.busyProperty().get()) {
            act(session, moves);
            return;
        }
        if (!session.connectedProperty().get() && !session.busyProperty().get()) {
            session.connect();
        }
        // once connected and greeted, the moves follow
        ChangeListener<Boolean> ready = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean old, Boolean busy) {
                if (!busy) {
                    session.busyProperty().removeListener(this);
                    if (session.connectedProperty().get()) {
                        act(session, moves);
                    } else {
                        message.set("Show me could not connect: " + session.problemProperty().get());
                    }
                }
            }
        };
        if (session.busyProperty().get()) {
            session.busyProperty().addListener(ready);
        } else {
            message.set("Show me needs a connection: connect the tab and try again.");
        }
    }

    private void act(SessionViewModel session, List<Demonstration.Move> moves) {
        if (showMe.perform(session, moves)) {
            message.set("");
        } else {
            message.set("Show me cannot do this step in this tab: do it by hand, the hints say how.");
        }
    }

    /** The practice server's password of a classroom user, for a login form Show me fills in. */
    private Optional<String> password(String user) {
        return practice.flatMap(server -> server.mailboxes().stream().filter(row -> row.user().equals(user))
                .map(MailboxRow::password).filter(p -> !p.isEmpty()).findFirst());
    }

    /** The practice server's mailboxes, found when first read (the server may start after the lesson is chosen). */
    private record LazyMailboxes(MailboxView found, Optional<PracticeServerViewModel> practice) implements MailboxView {
        @Override
        public List<Map<String, List<String>>> headers(String user) throws IOException {
            if (found != MailboxView.NONE) {
                return found.headers(user);
            }
            Optional<MailboxView> now = practice.flatMap(PracticeServerViewModel::server)
                    .map(server -> new StoreMailboxes(server.store()));
            return now.isPresent() ? now.get().headers(user) : List.of();
        }
    }
}
