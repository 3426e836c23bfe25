package dev.mailbench.app.workbench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.mailbench.app.build.BuildInfo;
import dev.mailbench.app.config.RecentHost;
import dev.mailbench.app.config.RecentHosts;
import dev.mailbench.app.config.TrustedAuthservIds;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.session.SessionServices;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.transcript.RenderOptions;
import dev.mailbench.app.transcript.StyledLine;
import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.app.transcript.TranscriptExport;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;
import dev.mailbench.wire.TlsMode;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * The window's state: the open session tabs, the servers connected to recently (kept on disk), and a
 * status line for what the window did last (a transcript saved, or why not).
 */
public final class WorkbenchViewModel {

    /** The formats File ▸ Save Transcript offers. */
    public enum Format {
        TEXT("txt"), HTML("html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private final SessionServices services;
    private final RecentHosts store;
    private final ObservableList<SessionViewModel> sessions = FXCollections.observableArrayList();
    private final ObservableList<SavedSessionViewModel> savedSessions = FXCollections.observableArrayList();
    private final ObservableList<RecentHost> recentHosts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper preparing = new ReadOnlyStringWrapper(this, "preparing", "");
    private Function<MailProtocol, Optional<ConnectionSettings>> practiceServer = protocol -> Optional.empty();
    /** The authserv-ids the user trusts, shared by every message tab (RFC 8601 §5); saved when a store is given. */
    private final StringProperty trustedAuthservIds = new SimpleStringProperty(this, "trustedAuthservIds", "");

    public WorkbenchViewModel(SessionServices services, RecentHosts store) {
        this.services = services;
        this.store = store;
    }

    public SessionServices services() {
        return services;
    }

    public ObservableList<SessionViewModel> sessions() {
        return sessions;
    }

    /** The read-only tabs of sessions opened from files. */
    public ObservableList<SavedSessionViewModel> savedSessions() {
        return savedSessions;
    }

    /** Servers connected to, most recent first. */
    public ObservableList<RecentHost> recentHosts() {
        return recentHosts;
    }

    /** Puts a sentence in the window's status line. */
    public void say(String sentence) {
        status.set(sentence);
    }

    /** What the window did last, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * Says that a first session tab is on its way ("Starting the practice server…"): while no tab is open, the window
     * shows this sentence instead of its welcome, which the tab would replace before it could be read.
     */
    public void preparing(String sentence) {
        preparing.set(sentence);
    }

    /** The first tab has come, or will not: while no tab is open, the window shows its welcome. */
    public void prepared() {
        preparing.set("");
    }

    /** What the window is getting ready for its first tab, in words; empty when nothing is. */
    public ReadOnlyStringProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }

    /** The authserv-ids the user trusts, separated by commas or blanks, shared by every MIME viewer. */
    public StringProperty trustedAuthservIdsProperty() {
        return trustedAuthservIds;
    }

    /**
     * Remembers the trusted authserv-ids in {@code store}: reads them now and writes every change, both off the UI
     * thread.
     */
    public void keepTrustedAuthservIds(TrustedAuthservIds store) {
        services.executor().execute(BackgroundTask.of(store::load)
                .onSuccess(ids -> {
                    if (trustedAuthservIds.get().isBlank()) {
                        trustedAuthservIds.set(String.join(", ", ids));
                    }
                    trustedAuthservIds.addListener((observable, old, now) -> {
                        List<String> list = Arrays.stream(now.split("[,\\s]+")).filter(id -> !id.isBlank()).toList();
                        services.executor().execute(BackgroundTask.run(() -> store.save(list))
                                .onFailure(e -> status.set("Could not save the trusted authserv-ids to " + store.file()
                                        + ": " + e.getMessage())));
                    });
                })
                .onFailure(e -> status.set("Could not read the trusted authserv-ids from " + store.file() + ": "
                        + e.getMessage())));
    }

    /** Reads the recent servers from disk, off the UI thread. */
    public void loadRecentHosts() {
        services.executor().execute(BackgroundTask.of(store::load)
                .onSuccess(hosts -> {
                    // connections made meanwhile stay first
                    List<RecentHost> merged = new ArrayList<>(recentHosts);
                    hosts.stream().filter(host -> !merged.contains(host)).forEach(merged::add);
                    recentHosts.setAll(merged.subList(0, Math.min(merged.size(), RecentHosts.LIMIT)));
                })
                .onFailure(e -> status.set("Could not read the recent servers from " + store.file() + ": " + e.getMessage())));
    }

    /** Opens a session tab with these settings, connecting at once if asked. */
    public SessionViewModel open(ConnectionSettings settings, boolean connect) {
        SessionViewModel session = new SessionViewModel(services, this::remember);
        session.apply(settings);
        sessions.add(session);
        if (connect) {
            session.connect();
        }
        return session;
    }

    /** Where new tabs reach the embedded practice server while it runs. */
    public void setPracticeServer(Function<MailProtocol, Optional<ConnectionSettings>> endpoint) {
        this.practiceServer = Objects.requireNonNull(endpoint);
    }

    /** Says in the status line what the window did, or why it did not. */
    public void reportStatus(String text) {
        status.set(text);
    }

    /**
     * The servers <b>Replay against…</b> offers a recorded connection, as URIs, the default first: the practice
     * server while it runs (with the recording's TLS mode, unless that was implicit TLS, which has a port of its
     * own), where the recording went, then the recent servers of its protocol.
     */
    public List<String> replayTargets(SessionSettings recorded) {
        MailProtocol protocol = recorded.protocol();
        Set<String> uris = new LinkedHashSet<>();
        practiceServer(protocol).ifPresent(practice -> uris.add(new ServerAddress(practice.host(), practice.port(),
                protocol, recorded.tlsMode() == TlsMode.IMPLICIT ? practice.tlsMode() : recorded.tlsMode()).toUri()));
        uris.add(new ServerAddress(recorded.host(), recorded.port(), protocol, recorded.tlsMode()).toUri());
        recentHosts.stream().filter(recent -> recent.protocol() == protocol).forEach(recent ->
                uris.add(new ServerAddress(recent.host(), recent.port(), protocol, recent.tlsMode()).toUri()));
        return List.copyOf(uris);
    }

    /** Where the embedded practice server takes a protocol while it runs. */
    public Optional<ConnectionSettings> practiceServer(MailProtocol protocol) {
        return practiceServer.apply(protocol);
    }

    /**
     * Opens a session tab for a protocol, connected to the practice server while it runs (the other servers
     * are a click away in the host list), else filled in with the last server used for the protocol and left
     * for the user to connect.
     */
    public SessionViewModel open(MailProtocol protocol) {
        Optional<ConnectionSettings> practice = practiceServer.apply(protocol);
        if (practice.isPresent()) {
            return open(practice.get(), true);
        }
        ConnectionSettings settings = recentHosts.stream()
                .filter(host -> host.protocol() == protocol)
                .findFirst()
                .map(host -> new ConnectionSettings(host.host(), host.port(), host.protocol(), host.tlsMode()))
                .orElse(new ConnectionSettings("127.0.0.1", ConnectionSettings.defaultPort(protocol, TlsMode.NONE),
                        protocol, TlsMode.NONE));
        return open(settings, false);
    }

    /** Closes a tab; its connection is closed at once. */
    public void close(SessionViewModel session) {
        session.disconnect();
        sessions.remove(session);
    }

    /**
     * Writes a tab's transcript as the pane shows it, passwords masked, under a header that says which server,
     * which TLS mode, when and which Mailbench; the writing happens off the UI thread.
     */
    public void save(SessionViewModel session, Path file, Format format) {
        save(session, file, format, false);
    }

    /**
     * Writes a tab's transcript as the pane shows it; the writing happens off the UI thread. Passwords revealed
     * on screen are written only with {@code includeSecrets}, the user's answer to {@link SecretsConfirmation}.
     */
    public void save(SessionViewModel session, Path file, Format format, boolean includeSecrets) {
        TranscriptViewModel transcript = session.transcript();
        List<TranscriptEntry> snapshot = transcript.entries();
        RenderOptions options = transcript.exportOptions(includeSecrets);
        String title = "Mailbench transcript: " + session.titleProperty().get();
        String server = session.lastConnection()
                .map(settings -> settings.host() + ":" + settings.port() + " (" + settings.protocol() + ")")
                .orElse("not connected");
        String tlsMode = session.lastConnection()
                .map(settings -> ConnectionSettings.tlsName(settings.protocol(), settings.tlsMode()))
                .orElse("none");
        ZonedDateTime now = ZonedDateTime.now(transcript.zone());
        services.executor().execute(BackgroundTask.run(() -> {
            TranscriptExport.Header header = new TranscriptExport.Header(title, server, tlsMode, now,
                    BuildInfo.mailbenchVersion());
            List<StyledLine> lines = transcript.renderSaved(snapshot, options);
            String content = format == Format.HTML ? TranscriptExport.html(header, lines) : TranscriptExport.plainText(header, lines);
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }).onSuccess(done -> status.set("Saved " + snapshot.size() + " lines to " + file))
                .onFailure(e -> status.set("Could not save to " + file + ": " + e.getMessage())));
    }

    /**
     * Reads a session file off the UI thread and opens it in a read-only tab; a broken file opens with what could
     * be read, its tab saying what was wrong. Only a file that cannot be read at all opens nothing.
     */
    public void openSession(Path file) {
        // made off the UI thread too: its explainers read every line of the file as they are made
        services.executor().execute(BackgroundTask.of(() -> new SavedSessionViewModel(services, file, SessionFile.read(file)))
                .onSuccess(saved -> {
                    savedSessions.add(saved);
                    status.set(saved.session().sound() ? "Opened " + file
                            : "Opened " + file + ", which has problems: see the tab");
                })
                .onFailure(e -> status.set("Could not open " + file + ": " + e.getMessage())));
    }

    /** Closes a read-only tab. */
    public void close(SavedSessionViewModel session) {
        savedSessions.remove(session);
    }

    /**
     * Writes a tab's connections as a session file, off the UI thread; passwords are masked unless
     * {@code keepPasswords}.
     */
    public void saveSession(SessionViewModel session, Path file, boolean keepPasswords) {
        saveSession(SessionRecord.of(session.connections(), BuildInfo.mailbenchVersion()), file, keepPasswords);
    }

    /** Writes a session again, to another file or with other passwords; off the UI thread. */
    public void saveSession(SessionRecord session, Path file, boolean keepPasswords) {
        int lines = session.connections().stream().mapToInt(connection -> connection.transcript().size()).sum();
        services.executor().execute(BackgroundTask.run(() -> SessionFile.write(session, file, keepPasswords))
                .onSuccess(done -> status.set("Saved the session (" + lines + " lines"
                        + (keepPasswords ? ", passwords in clear" : "") + ") to " + file))
                .onFailure(e -> status.set("Could not save the session to " + file + ": " + e.getMessage())));
    }

    /** Closes every connection: the window is closing. */
    public void shutdown() {
        sessions.forEach(SessionViewModel::disconnect);
    }

    private void remember(RecentHost host) {
        recentHosts.remove(host);
        recentHosts.add(0, host);
        if (recentHosts.size() > RecentHosts.LIMIT) {
            recentHosts.remove(RecentHosts.LIMIT, recentHosts.size());
        }
        services.executor().execute(BackgroundTask.of(() -> store.remember(host))
                .onFailure(e -> status.set("Could not remember the server in " + store.file() + ": " + e.getMessage())));
    }
}
