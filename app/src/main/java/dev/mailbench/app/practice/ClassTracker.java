package dev.mailbench.app.practice;

import dev.mailbench.lesson.ClassProgress;
import dev.mailbench.lesson.RecordedSession;
import dev.mailbench.lesson.StudentFilter;
import dev.mailbench.server.ConnectionObserver;
import dev.mailbench.server.EndedConnection;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.SavedTranscript;
import dev.mailbench.server.practice.TranscriptArchive;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A class's progress kept current while the practice server runs: told of every connection by the server, it
 * evaluates the class again after each server reply (coalesced: one evaluation at a time, the next one after it
 * when replies came meanwhile), on a thread of its own, so neither a connection nor the window waits on it. The
 * connections that ended before it started are read from the server's kept transcripts.
 *
 * <p>Listeners get each new result on the tracker's thread; a view hands it to its own thread.
 */
public final class ClassTracker implements ConnectionObserver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClassTracker.class);

    private final ClassProgress progress;
    private final int kept;
    private final Deque<RecordedSession> ended = new ArrayDeque<>();
    /** The open connections, each with the name it keeps once ended (so its reading goes on where it was). */
    private final Map<Transcript, RecordedSession> open = new LinkedHashMap<>();
    private final List<Consumer<List<ClassProgress.Cell>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "mailbench-class-progress");
        t.setDaemon(true);
        return t;
    });
    private volatile List<ClassProgress.Cell> latest = List.of();
    private volatile long evaluationStarted;
    private long number;

    /**
     * @param progress the class and its lessons
     * @param kept     how many ended connections to keep in memory, oldest dropped first (the server's retention)
     */
    public ClassTracker(ClassProgress progress, int kept) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.kept = Math.max(1, kept);
    }

    /** Reads the server's kept transcripts, then follows its connections. */
    public static ClassTracker follow(PracticeServer server, ClassProgress progress) {
        ClassTracker tracker = new ClassTracker(progress, server.config().transcripts().keep());
        tracker.thread.execute(() -> {
            try {
                List<RecordedSession> earlier = new ArrayList<>();
                for (SavedTranscript saved : TranscriptArchive.readAll(server.config().dataDirectory())) {
                    if (saved.protocol() != null) {
                        earlier.add(new RecordedSession(saved.file().getFileName().toString(), saved.protocol(),
                                saved.events()));
                    }
                }
                synchronized (tracker) {
                    earlier.forEach(tracker::keep);
                }
            } catch (IOException e) {
                LOG.warn("The kept transcripts could not be read; the class's progress starts from now", e);
            }
        });
        server.addObserver(tracker);
        tracker.refreshSoon();
        return tracker;
    }

    /** Told the newest result every time the class is evaluated again, on the tracker's thread. */
    public void addListener(Consumer<List<ClassProgress.Cell>> listener) {
        listeners.add(listener);
    }

    /** The last result (empty before the first evaluation). */
    public List<ClassProgress.Cell> latest() {
        return latest;
    }

    /** Evaluates now, on the tracker's thread, and waits for the result (for the serve console). */
    public List<ClassProgress.Cell> current() throws InterruptedException {
        try {
            return thread.submit(this::evaluate).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the class's progress could not be evaluated", e.getCause());
        }
    }

    /** A student's connections, the newest last, ended ones and open ones (read-only copies). */
    public synchronized List<RecordedSession> sessionsOf(String student) {
        String name = student.toLowerCase(Locale.ROOT);
        List<RecordedSession> all = new ArrayList<>(ended);
        open.forEach((transcript, session) -> all.add(snapshot(transcript, session)));
        return all.stream().filter(session -> StudentFilter.identities(session).contains(name)).toList();
    }

    @Override
    public synchronized void opened(MailProtocol protocol, String remote, Transcript transcript) {
        open.put(transcript, new RecordedSession(protocol.name().toLowerCase(Locale.ROOT) + "-" + remote + "-" + ++number,
                protocol, List.of()));
        transcript.addListener(event -> {
            if (event.direction() == Direction.SERVER) {
                refreshSoon();
            }
        });
    }

    @Override
    public void ended(EndedConnection connection) {
        synchronized (this) {
            RecordedSession opened = open.remove(connection.transcript());
            String name = opened != null ? opened.name()
                    : connection.protocol().name().toLowerCase(Locale.ROOT) + "-" + connection.remote() + "-" + ++number;
            keep(new RecordedSession(name, connection.protocol(), connection.transcript().events()));
        }
        refreshSoon();
    }

    private void keep(RecordedSession session) {
        ended.addLast(session);
        while (ended.size() > kept) {
            ended.removeFirst();
        }
    }

    private static RecordedSession snapshot(Transcript transcript, RecordedSession opened) {
        return new RecordedSession(opened.name(), opened.protocol(), transcript.events());
    }

    /** One evaluation after this moment; requests while one waits are the same one. */
    public void refreshSoon() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    pending.set(false);
                    evaluate();
                });
            } catch (RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    /**
     * When the evaluation whose result listeners are being told began ({@link System#nanoTime()}): every reply sent
     * before it is in that result (for measuring how current the view is).
     */
    public long evaluationStarted() {
        return evaluationStarted;
    }

    private List<ClassProgress.Cell> evaluate() {
        evaluationStarted = System.nanoTime();
        List<ClassProgress.Cell> cells;
        List<RecordedSession> endedNow;
        List<RecordedSession> openNow = new ArrayList<>();
        synchronized (this) {
            endedNow = new ArrayList<>(ended);
            open.forEach((transcript, session) -> openNow.add(snapshot(transcript, session)));
        }
        try {
            cells = progress.evaluate(endedNow, openNow);
        } catch (RuntimeException e) {
            LOG.error("The class's progress could not be evaluated", e);
            return latest;
        }
        latest = cells;
        for (Consumer<List<ClassProgress.Cell>> listener : listeners) {
            try {
                listener.accept(cells);
            } catch (RuntimeException e) {
                LOG.error("A view of the class's progress failed", e);
            }
        }
        return cells;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
