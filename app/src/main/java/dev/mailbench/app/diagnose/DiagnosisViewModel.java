package dev.mailbench.app.diagnose;

import dev.mailbench.app.build.BuildInfo;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.diagnose.CheckResult;
import dev.mailbench.diagnose.Diagnoser;
import dev.mailbench.diagnose.Diagnosis;
import dev.mailbench.diagnose.DiagnosisOptions;
import dev.mailbench.diagnose.ServerTarget;
import dev.mailbench.diagnose.TextReport;
import dev.mailbench.diagnose.ReportLine;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.wire.TranscriptListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A diagnosis tab's state: the run under way or its result, the verdicts from the most severe down, the transcript
 * lines, and the verdict chosen, whose evidence lines the view selects.
 */
public final class DiagnosisViewModel {

    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyObjectWrapper<Diagnosis> diagnosis = new ReadOnlyObjectWrapper<>(this, "diagnosis");
    private final ObservableList<CheckResult> checks = FXCollections.observableArrayList();
    private final ObservableList<ReportLine> lines = FXCollections.observableArrayList();
    private final ObjectProperty<CheckResult> selected = new SimpleObjectProperty<>(this, "selected");

    public DiagnosisViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Diagnoses {@code target} within {@code timeout}, off the UI thread: the options too are made there, since they
     * read the trusted certificates and the catalogue from disk. The result replaces whatever was shown.
     */
    public void start(ServerTarget target, Duration timeout) {
        title.set("Diagnosis of " + target.label());
        status.set("Diagnosing " + target.label() + " … (at most " + timeout.toSeconds() + " s)");
        running.set(true);
        lines.clear();
        // the conversation shows as it happens; the finished report then replaces it line for line
        TranscriptListener live = event -> {
            ReportLine line = ReportLine.of(event);
            executor.runOnUi(() -> lines.add(line));
        };
        executor.execute(BackgroundTask.of(() -> Diagnoser.diagnose(target,
                        DiagnosisOptions.defaults().withTimeout(timeout).withTranscriptListener(live)))
                .onSuccess(this::show)
                .onFailure(failure -> status.set("The diagnosis could not run: " + failure.getMessage()))
                .onFinished(() -> running.set(false)));
    }

    /** Shows a finished diagnosis. */
    public void show(Diagnosis result) {
        diagnosis.set(result);
        title.set("Diagnosis of " + result.target());
        status.set(TextReport.counts(result));
        checks.setAll(result.checks().stream()
                .sorted(Comparator.comparing(CheckResult::verdict)).toList());
        lines.setAll(result.lines());
        selected.set(null);
    }

    /**
     * Writes the finished diagnosis's conversation as a session file (one connection, passwords masked), off the UI
     * thread; the status line says how it went. Nothing is written while the diagnosis still runs.
     */
    public void saveSession(Path file) {
        Diagnosis result = diagnosis.get();
        if (result == null) {
            return;
        }
        SessionRecord session = SessionRecord.of(result.sessionConnection(), BuildInfo.mailbenchVersion());
        executor.execute(BackgroundTask.run(() -> SessionFile.write(session, file, false))
                .onSuccess(done -> status.set(TextReport.counts(result) + " · session saved as " + file.getFileName()
                        + " (passwords masked)"))
                .onFailure(e -> status.set(TextReport.counts(result) + " · could not save the session to " + file
                        + ": " + e.getMessage())));
    }

    /** A file name to suggest for the session: the server's address, made safe for any file system. */
    public String suggestedFileName() {
        Diagnosis result = diagnosis.get();
        String server = result == null ? "diagnosis"
                : "diagnosis-" + result.server().host() + "-" + result.server().port();
        return server.replaceAll("[^A-Za-z0-9.-]+", "-") + SessionFile.SUFFIX;
    }

    /** The transcript rows (from 0) that prove a verdict. */
    public List<Integer> evidenceRows(CheckResult check) {
        return check.evidence().stream().map(line -> line - 1).filter(row -> row < lines.size()).toList();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Diagnosis> diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }

    /** The verdicts, failures first, then warnings, information, passes and skips. */
    public ObservableList<CheckResult> checks() {
        return checks;
    }

    public ObservableList<ReportLine> lines() {
        return lines;
    }

    public ObjectProperty<CheckResult> selectedProperty() {
        return selected;
    }
}
