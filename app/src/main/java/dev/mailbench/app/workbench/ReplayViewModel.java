package dev.mailbench.app.workbench;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.mailbench.app.session.SessionServices;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.reproduce.Replay;
import dev.mailbench.reproduce.ReplyComparison;
import dev.mailbench.reproduce.RunResult;
import dev.mailbench.reproduce.Script;
import dev.mailbench.reproduce.ScriptRunner;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A replay tab's state: a recorded connection's client lines sent again to another server (off the FX thread,
 * through {@link ScriptRunner}), the new run's transcript as it grows, and, once it has run, the replies side by
 * side with the original's ({@link ReplyComparison}: the original is A, the replay B).
 */
public final class ReplayViewModel {

    private final SessionServices services;
    private final String title;
    private final RunResult original;
    private final ServerAddress target;
    private final Script script;
    private final Transcript transcript = new Transcript();
    private final TranscriptViewModel transcriptView;
    private final ObservableList<ReplyComparison.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);

    /**
     * @param title       what the tab is a replay of (a file's name, a tab's title)
     * @param recorded    the connection played again
     * @param target      where to, the protocol being the recording's
     * @param credentials what a masked password line is played with; used for this run only, never kept
     */
    public ReplayViewModel(SessionServices services, String title, SessionConnection recorded, ServerAddress target,
                           Optional<Replay.Credentials> credentials) {
        this.services = Objects.requireNonNull(services);
        this.title = Objects.requireNonNull(title);
        this.target = Objects.requireNonNull(target);
        SessionSettings settings = recorded.settings();
        List<TranscriptEvent> events = recorded.events();
        this.original = Replay.original(new ServerAddress(settings.host(), settings.port(), settings.protocol(),
                settings.tlsMode()), events);
        this.script = Replay.script(title, settings.protocol(), settings.tlsMode(), events, credentials);
        this.transcriptView = new TranscriptViewModel(services.executor(), ZoneId.systemDefault());
        transcriptView.follow(transcript, new EventExplainer(target.protocol(), services.catalogue()));
        status.set("Replaying " + script.steps().size() + " lines against " + target.toUri() + " …");
    }

    /** Sends the lines again, off the FX thread; the comparison fills in when the run ends. */
    public void start() {
        running.set(true);
        ScriptRunner runner = new ScriptRunner(services.clientOptions(), line -> { });
        services.executor().execute(BackgroundTask.of(() -> runner.run(script, target, transcript))
                .onSuccess(this::finished)
                .onFailure(e -> status.set("The replay stopped: " + e.getMessage()))
                .onFinished(() -> running.set(false)));
    }

    private void finished(RunResult replay) {
        ReplyComparison comparison = ReplyComparison.of(List.of(original, replay));
        rows.setAll(comparison.rows());
        long differing = comparison.rows().stream()
                .filter(row -> row.difference() != ReplyComparison.Difference.SAME).count();
        status.set((differing == 0 ? "Every reply is the same as the original's."
                : differing + " of " + comparison.rows().size() + " replies differ from the original's.")
                + replay.error().map(error -> " The replay stopped early: " + error).orElse(""));
    }

    /** {@code Replay of talk.mbsession against smtp://127.0.0.1:2525}. */
    public String heading() {
        return "Replay of " + title + " (A, " + original.address().toUri() + ") against " + target.toUri() + " (B)";
    }

    /** The tab's title. */
    public String title() {
        return "Replay: " + title;
    }

    public ServerAddress target() {
        return target;
    }

    public TranscriptViewModel transcript() {
        return transcriptView;
    }

    /** A row per line that drew a reply, once the run has ended. */
    public ObservableList<ReplyComparison.Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
