package dev.mailbench.app.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.mailbench.app.dialog.FileChoosers;
import dev.mailbench.app.diagnose.DiagnosisView;
import dev.mailbench.app.diagnose.DiagnosisViewModel;
import dev.mailbench.app.mime.MimeViewerView;
import dev.mailbench.app.mime.MimeViewerViewModel;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.diagnose.DiagnosisOptions;
import dev.mailbench.diagnose.ServerTarget;
import dev.mailbench.reproduce.Replay;
import dev.mailbench.retrieval.RetrievedMessage;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TranscriptEvent;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The window's centre: one tab per session and per opened message (a MIME viewer), the welcome text while
 * none is open (or, while the first is on its way, a sentence saying so), and a status line for what the window
 * did last. {@code .eml} files dropped on it open.
 */
public final class WorkbenchView extends BorderPane implements MessageViewer {

    private final WorkbenchViewModel viewModel;
    private final FileChoosers files;
    private final TabPane tabs = new TabPane();
    private final Map<SessionViewModel, Tab> sessionTabs = new HashMap<>();
    private final Map<SavedSessionViewModel, Tab> savedTabs = new HashMap<>();

    /** The window's centre; {@code welcome} makes the welcome text, the first time no tab is open nor coming. */
    public WorkbenchView(WorkbenchViewModel viewModel, FileChoosers files, Supplier<? extends Node> welcome) {
        this.viewModel = viewModel;
        this.files = files;
        tabs.setId("session-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.visibleProperty().bind(Bindings.isNotEmpty(tabs.getTabs()));
        StackPane centre = new StackPane();
        setCenter(centre);
        showWhileNoTab(centre, welcome);

        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(viewModel.statusProperty());
        status.visibleProperty().bind(Bindings.isNotEmpty(viewModel.statusProperty()));
        status.managedProperty().bind(status.visibleProperty());
        setBottom(status);
        WindowFileDrop.install(this, this::openMessageFile, viewModel::openSession);

        // a session tab brought to the front takes the keys in its command line, not a button elsewhere
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, old, now) ->
                Platform.runLater(() -> currentSession().ifPresent(SessionView::focusCommandLine)));
        viewModel.sessions().forEach(this::added);
        viewModel.sessions().addListener((ListChangeListener<SessionViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removed);
                change.getAddedSubList().forEach(this::added);
            }
        });
        viewModel.savedSessions().addListener((ListChangeListener<SavedSessionViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(saved -> tabs.getTabs().remove(savedTabs.remove(saved)));
                change.getAddedSubList().forEach(this::addedSaved);
            }
        });
    }

    /**
     * While no tab is open, the centre shows the sentence saying what the first tab waits for, or else the welcome,
     * made when it is first shown: a window whose first tab is on its way draws neither it nor its text. The tab
     * pane joins the centre with the first tab, styled at once so that the tab's content can take the focus.
     */
    private void showWhileNoTab(StackPane centre, Supplier<? extends Node> welcome) {
        Label preparing = new Label();
        preparing.setId("preparing");
        preparing.getStyleClass().add("preparing");
        preparing.textProperty().bind(viewModel.preparingProperty());
        centre.getChildren().add(0, preparing);
        Node[] made = {null};
        Runnable place = () -> {
            boolean noTab = tabs.getTabs().isEmpty();
            if (!noTab && tabs.getParent() == null) {
                centre.getChildren().add(tabs);
                tabs.applyCss();
            }
            boolean waiting = !viewModel.preparingProperty().get().isEmpty();
            preparing.setVisible(noTab && waiting);
            if (noTab && !waiting && made[0] == null) {
                made[0] = welcome.get();
                centre.getChildren().add(0, made[0]);
            }
            if (made[0] != null) {
                made[0].setVisible(noTab && !waiting);
            }
        };
        // a change listener runs after the tab pane's own, which gives each new tab its pane
        tabs.getTabs().addListener((ListChangeListener<Tab>) change -> place.run());
        viewModel.preparingProperty().addListener(observable -> place.run());
        place.run();
    }

    /** The read-only tab in front, if the tab in front is one. */
    public Optional<SavedSessionView> currentSavedSession() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected != null && selected.getContent() instanceof SavedSessionView view ? Optional.of(view)
                : Optional.empty();
    }

    /** True while a session tab, live or read-only, is in front: File ▸ Save Session applies to it. */
    public BooleanBinding anySessionInFront() {
        return Bindings.createBooleanBinding(() -> currentSession().isPresent() || currentSavedSession().isPresent(),
                tabs.getSelectionModel().selectedItemProperty());
    }

    private void addedSaved(SavedSessionViewModel saved) {
        SavedSessionView view = new SavedSessionView(saved, viewModel.services().executor(),
                viewModel.services().catalogue(), this);
        view.onReplay(() -> replay(saved.title(), saved.session().connections()));
        Tab tab = new Tab(saved.title(), view);
        tab.getStyleClass().add("saved-session-tab");
        tab.setOnClosed(event -> viewModel.close(saved));
        savedTabs.put(saved, tab);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /** The session tab in front, if the tab in front is a session. */
    public Optional<SessionView> currentSession() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return selected != null && selected.getContent() instanceof SessionView view ? Optional.of(view) : Optional.empty();
    }

    /** True while a session tab is in front: the transcript menu items apply to it. */
    public BooleanBinding sessionInFront() {
        return Bindings.createBooleanBinding(() -> currentSession().isPresent(),
                tabs.getSelectionModel().selectedItemProperty());
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Closes the tab in front. */
    public void closeCurrent() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null) {
            if (selected.getContent() instanceof SessionView view) {
                viewModel.close(view.session());
            } else if (selected.getContent() instanceof SavedSessionView view) {
                viewModel.close(view.viewModel());
            } else {
                tabs.getTabs().remove(selected);
            }
        }
    }

    /** Opens a retrieved message in a MIME viewer tab. */
    @Override
    public void show(RetrievedMessage message) {
        MimeViewerView viewer = messageTab("Message: " + message.command());
        viewer.viewModel().open(message.command() + (message.complete() ? "" : " (incomplete: the connection ended first)"),
                message.source());
    }

    /** Opens a message file ({@code .eml}) in a MIME viewer tab; it is read where it lies. */
    public void openMessageFile(Path file) {
        messageTab(file.getFileName().toString()).viewModel().open(file);
    }

    private MimeViewerView messageTab(String title) {
        TaskExecutor executor = viewModel.services().executor();
        MimeViewerViewModel mime = new MimeViewerViewModel(executor, viewModel.services().catalogue());
        mime.authentication().trustedIdsProperty().bindBidirectional(viewModel.trustedAuthservIdsProperty());
        MimeViewerView viewer = new MimeViewerView(mime, executor, files);
        Tab tab = new Tab(title, viewer);
        tab.getStyleClass().add("message-tab");
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        return viewer;
    }

    /**
     * Diagnoses the server of the session tab in front (its connection bar's host, port, protocol and TLS) in a tab
     * of its own; the work runs off the UI thread. Says in the status line when there is nothing to diagnose.
     */
    public void diagnoseCurrent() {
        Optional<SessionView> session = currentSession();
        if (session.isEmpty()) {
            viewModel.say("Bring a session tab to the front to diagnose its server.");
            return;
        }
        ConnectionSettings settings;
        try {
            settings = session.get().session().settings();
        } catch (IllegalArgumentException e) {
            viewModel.say(e.getMessage());
            return;
        }
        ServerTarget target = ServerTarget.of(new ServerAddress(settings.host(), settings.port(), settings.protocol(),
                settings.tlsMode()));
        DiagnosisViewModel diagnosis = new DiagnosisViewModel(viewModel.services().executor());
        Tab tab = new Tab("Diagnosis: " + settings.host() + ":" + settings.port(), new DiagnosisView(diagnosis, files));
        tab.getStyleClass().add("diagnosis-tab");
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
        diagnosis.start(target, DiagnosisOptions.DEFAULT_TIMEOUT);
    }

    private void added(SessionViewModel session) {
        Tab tab = new Tab();
        MenuItem diagnose = new MenuItem("Diagnose Server…");
        diagnose.setOnAction(event -> {
            tabs.getSelectionModel().select(sessionTabs.get(session));
            diagnoseCurrent();
        });
        tab.setContextMenu(new ContextMenu(diagnose));
        tab.textProperty().bind(session.titleProperty());
        SessionView view = new SessionView(session, viewModel.recentHosts(), files, this);
        view.onReplay(() -> replay(session.titleProperty().get(), session.connections()));
        tab.setContent(view);
        tab.getStyleClass().add("session-tab");
        tab.setOnClosed(event -> viewModel.close(session));
        sessionTabs.put(session, tab);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /**
     * <b>Replay against…</b>: asks which connection (when several sent anything), where to, and for the password
     * when the session's were saved masked, then opens a replay tab that sends that connection's lines again, off the
     * FX thread, and compares the replies.
     */
    void replay(String title, List<SessionConnection> connections) {
        // the connections that sent anything, each named by its place in the session
        List<SessionConnection> sent = new ArrayList<>();
        List<ReplayDialog.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            SessionConnection connection = connections.get(i);
            SessionSettings settings = connection.settings();
            List<TranscriptEvent> events = connection.events();
            long lines = events.stream().filter(e -> e.direction() == Direction.CLIENT).count();
            if (lines == 0) {
                continue;
            }
            sent.add(connection);
            candidates.add(new ReplayDialog.Candidate((i + 1) + ": " + settings.protocol() + " to " + settings.host()
                    + ":" + settings.port() + ", " + lines + (lines == 1 ? " line" : " lines") + " sent",
                    settings.protocol(), viewModel.replayTargets(settings),
                    Replay.masksPasswords(settings.protocol(), settings.tlsMode(), events),
                    settings.user().or(() -> Replay.user(settings.protocol(), settings.tlsMode(), events))));
        }
        if (sent.isEmpty()) {
            viewModel.reportStatus("Nothing to replay: the session sent no line.");
            return;
        }
        ReplayDialog.ask(getScene() == null ? null : getScene().getWindow(), candidates).ifPresent(choice -> {
            ReplayViewModel replay = new ReplayViewModel(viewModel.services(), title, sent.get(choice.connection()),
                    choice.target(), choice.credentials());
            Tab tab = new Tab(replay.title(), new ReplayView(replay, viewModel.services().executor()));
            tab.getStyleClass().add("replay-tab");
            tabs.getTabs().add(tab);
            tabs.getSelectionModel().select(tab);
            replay.start();
        });
    }

    private void removed(SessionViewModel session) {
        Tab tab = sessionTabs.remove(session);
        if (tab != null) {
            tabs.getTabs().remove(tab);
        }
    }
}
