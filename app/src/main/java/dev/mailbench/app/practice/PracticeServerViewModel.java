package dev.mailbench.app.practice;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.retrieval.RetrievedMessage;
import dev.mailbench.mime.MessageSummary;
import dev.mailbench.server.Accounts;
import dev.mailbench.server.ConnectionObserver;
import dev.mailbench.server.Faults;
import dev.mailbench.server.Personality;
import dev.mailbench.server.PortInUseException;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.server.practice.ServerConfig;
import dev.mailbench.server.smtp.RelayPolicy;
import dev.mailbench.store.StoredMessage;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.net.InetAddress;
import java.nio.file.NoSuchFileException;
import java.util.function.Consumer;

/**
 * The practice-server panel's state: the embedded SMTP and POP3 server the window runs, its ports, the
 * classroom accounts and their mailboxes, its personality and faults (switched while it runs), and the
 * server's own transcript of every connection.
 *
 * <p>Starting, stopping and reading mailboxes happen off the UI thread; every property here changes on it.
 */
public final class PracticeServerViewModel {

    /** How many connections the panel keeps, newest first; older ones are dropped with their transcripts. */
    public static final int CONNECTIONS_KEPT = 50;
    /** The longest reply delay the panel offers. */
    public static final int MAX_REPLY_DELAY_SECONDS = 60;

    /** Where the server is in its life. */
    public enum Status { STOPPED, STARTING, RUNNING, STOPPING }

    private final TaskExecutor executor;
    private final PracticeServerSource source;
    private final Catalogue catalogue;
    private final AtomicInteger connectionCount = new AtomicInteger();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private PracticeServer server;
    private boolean startedBefore;

    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status", Status.STOPPED);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Not started");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final StringProperty smtpPort = new SimpleStringProperty(this, "smtpPort", "");
    private final StringProperty pop3Port = new SimpleStringProperty(this, "pop3Port", "");
    private final ObservableList<MailboxRow> mailboxes = FXCollections.observableArrayList();
    private final ObservableList<ServerConnection> connections = FXCollections.observableArrayList();
    private final ObjectProperty<ServerConnection> selectedConnection = new SimpleObjectProperty<>(this, "selectedConnection");

    private final StringProperty personality = new SimpleStringProperty(this, "personality", Personality.DEFAULT_ID);
    private final IntegerProperty replyDelaySeconds = new SimpleIntegerProperty(this, "replyDelaySeconds", 0);
    private final BooleanProperty refuseConnections = new SimpleBooleanProperty(this, "refuseConnections");
    private final IntegerProperty rcptFailure = new SimpleIntegerProperty(this, "rcptFailure", 0);
    private final IntegerProperty dataFailure = new SimpleIntegerProperty(this, "dataFailure", 0);
    private final BooleanProperty greylisting = new SimpleBooleanProperty(this, "greylisting");
    private final BooleanProperty dropMidData = new SimpleBooleanProperty(this, "dropMidData");
    private final BooleanProperty pop3LoginFailure = new SimpleBooleanProperty(this, "pop3LoginFailure");
    private final BooleanProperty smtpAfterPop = new SimpleBooleanProperty(this, "smtpAfterPop");
    private final IntegerProperty smtpAfterPopMinutes = new SimpleIntegerProperty(this, "smtpAfterPopMinutes", 0);
    private final BooleanProperty requireTlsForAuth = new SimpleBooleanProperty(this, "requireTlsForAuth");
    private final ClassViewModel classView;

    public PracticeServerViewModel(TaskExecutor executor, PracticeServerSource source, Catalogue catalogue) {
        this.executor = executor;
        this.source = source;
        this.catalogue = catalogue;
        this.classView = new ClassViewModel(executor);
        requireTlsForAuth.addListener((observable, old, now) -> applyTlsForAuth());
        ChangeListener<Object> faultChanged = (observable, old, now) -> applyFaults();
        replyDelaySeconds.addListener(faultChanged);
        refuseConnections.addListener(faultChanged);
        rcptFailure.addListener(faultChanged);
        dataFailure.addListener(faultChanged);
        greylisting.addListener(faultChanged);
        dropMidData.addListener(faultChanged);
        pop3LoginFailure.addListener(faultChanged);
        smtpAfterPop.addListener((observable, old, now) -> applySmtpAfterPop());
        smtpAfterPopMinutes.addListener((observable, old, now) -> applySmtpAfterPop());
        personality.addListener((observable, old, now) -> {
            if (server != null && now != null && !now.equals(server.personality().id())) {
                server.switchPersonality(now);
                describeRunning();
            }
        });
    }

    /**
     * Starts the server with the configuration from its source, on the ports in the port fields where they
     * are filled in. A taken port is told in {@link #problemProperty()} and the field is filled with a port to
     * try next.
     */
    public void start() {
        if (status.get() != Status.STOPPED) {
            return;
        }
        Optional<Integer> smtp;
        Optional<Integer> pop3;
        try {
            smtp = port(MailProtocol.SMTP, smtpPort.get());
            pop3 = port(MailProtocol.POP3, pop3Port.get());
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        status.set(Status.STARTING);
        summary.set("Starting…");
        problem.set("");
        ConnectionObserver observer = this::opened;
        executor.execute(BackgroundTask.of(() -> {
            ServerConfig config = source.load();
            config = config.withPorts(smtp.orElse(config.smtpPort()), pop3.orElse(config.pop3Port()));
            PracticeServer started = PracticeServer.start(config);
            started.addObserver(observer);
            return started;
        }).onSuccess(this::started).onFailure(this::failedToStart));
    }

    /** Starts on ports the system picks, for when the usual ones are taken. */
    public void startOnFreePorts() {
        smtpPort.set("0");
        pop3Port.set("0");
        start();
    }

    /** How many connections the server is serving now: those a Stop would cut. */
    public int openConnections() {
        PracticeServer running = server;
        return running == null ? 0 : running.activeConnections();
    }

    /** Stops listening and closes every connection; the mailboxes stay on disk. */
    public void stop() {
        PracticeServer running = server;
        if (running == null || status.get() != Status.RUNNING) {
            return;
        }
        server = null;
        classView.detach();
        status.set(Status.STOPPING);
        summary.set("Stopping…");
        executor.execute(BackgroundTask.run(running::close).onFinished(() -> {
            status.set(Status.STOPPED);
            summary.set("Stopped");
        }));
    }

    /** Stops the server at once, on this thread: the window is closing. */
    public void shutdown() {
        PracticeServer running = server;
        server = null;
        classView.detach();
        if (running != null) {
            running.close();
        }
    }

    /** Switches every fault off. */
    public void faultsOff() {
        replyDelaySeconds.set(0);
        rcptFailure.set(0);
        dataFailure.set(0);
        greylisting.set(false);
        refuseConnections.set(false);
        dropMidData.set(false);
        pop3LoginFailure.set(false);
    }

    /** Reads every mailbox again, off the UI thread. */
    public void refreshMailboxes() {
        PracticeServer running = server;
        if (running == null) {
            return;
        }
        executor.execute(BackgroundTask.of(() -> readMailboxes(running)).onSuccess(mailboxes::setAll)
                .onFailure(e -> problem.set("Could not read the mailboxes in " + running.store().root() + ": " + e.getMessage())));
    }

    /** Reads a stored message off the UI thread and hands it to {@code viewer}, as if RETR had brought it. */
    public void open(StoredMessage message, int number, Consumer<RetrievedMessage> viewer) {
        String title = message.user() + " #" + number;
        executor.execute(BackgroundTask.of(() -> {
            try (InputStream in = message.open()) {
                return RetrievedMessage.taking(title, in.readAllBytes(), true);
            }
        }).onSuccess(viewer).onFailure(e -> problem.set("Could not open " + title + ": "
                + (e instanceof NoSuchFileException ? "it has been deleted meanwhile" : e.getMessage()))));
    }

    private void started(PracticeServer started) {
        server = started;
        smtpPort.set(Integer.toString(started.smtpPort()));
        pop3Port.set(Integer.toString(started.pop3Port()));
        if (startedBefore) {
            // a personality chosen in the panel survives a restart
            if (!personality.get().equals(started.personality().id())) {
                started.switchPersonality(personality.get());
            }
        } else {
            personality.set(started.personality().id());
            smtpAfterPop.set(started.relay().smtpAfterPop());
            requireTlsForAuth.set(started.classPolicy().requireTlsForAuth());
        }
        startedBefore = true;
        applySmtpAfterPop();
        applyTlsForAuth();
        status.set(Status.RUNNING);
        classView.attach(started);
        applyFaults();
        describeRunning();
        refreshMailboxes();
    }

    private void failedToStart(Exception e) {
        status.set(Status.STOPPED);
        summary.set("Not running");
        if (e instanceof PortInUseException taken) {
            problem.set(taken.getMessage());
            int next = taken.port() + 1;
            (taken.protocol() == MailProtocol.SMTP ? smtpPort : pop3Port).set(Integer.toString(next));
        } else if (e instanceof IOException || e instanceof IllegalArgumentException) {
            problem.set("The practice server could not start: " + e.getMessage());
        } else {
            problem.set("The practice server could not start: " + e);
        }
    }

    /**
     * SMTP after POP as the panel has it, with the window a lesson asked for or else the configuration's; a switch is
     * no fault.
     */
    private void applySmtpAfterPop() {
        PracticeServer running = server;
        if (running == null) {
            return;
        }
        Duration window = smtpAfterPopMinutes.get() > 0 ? Duration.ofMinutes(smtpAfterPopMinutes.get())
                : smtpAfterPopWindow(running);
        if (running.relay().smtpAfterPop() != smtpAfterPop.get()
                || smtpAfterPop.get() && !running.relay().smtpAfterPopWindow().equals(window)) {
            running.smtpAfterPop(smtpAfterPop.get() ? window : Duration.ZERO);
        }
    }

    /** Passwords only under TLS as the panel has it; in class mode the banner says it again. */
    private void applyTlsForAuth() {
        PracticeServer running = server;
        if (running != null && running.classPolicy().requireTlsForAuth() != requireTlsForAuth.get()) {
            running.classPolicy().requireTlsForAuth(requireTlsForAuth.get());
            classView.refreshBanner();
        }
    }

    private static Duration smtpAfterPopWindow(PracticeServer running) {
        Duration configured = running.config().relay().smtpAfterPopWindow();
        return configured.isZero() ? RelayPolicy.DEFAULTS.smtpAfterPopWindow() : configured;
    }

    private void describeRunning() {
        PracticeServer running = server;
        if (running != null) {
            String host = running.bindAddress().getHostAddress();
            summary.set("Running: SMTP " + host + ":" + running.smtpPort() + ", POP3 " + host + ":"
                    + running.pop3Port() + ", as " + running.personality().displayName());
        }
    }

    /** Told by the server of a new connection, on the connection's own thread. */
    private void opened(MailProtocol kind, String remote, Transcript transcript) {
        TranscriptViewModel view = new TranscriptViewModel(executor);
        view.follow(transcript, new EventExplainer(kind, catalogue));
        // Notes mark what changes a mailbox (delivered, UPDATE state, dropped): read the mailboxes again then.
        transcript.addListener(event -> {
            if (event.direction() == Direction.NOTE && refreshPending.compareAndSet(false, true)) {
                executor.runOnUi(() -> {
                    refreshPending.set(false);
                    refreshMailboxes();
                });
            }
        });
        ServerConnection connection = new ServerConnection(connectionCount.incrementAndGet(), kind, remote,
                LocalTime.now(), view);
        executor.runOnUi(() -> {
            connections.add(0, connection);
            if (connections.size() > CONNECTIONS_KEPT) {
                connections.remove(CONNECTIONS_KEPT, connections.size());
            }
            if (selectedConnection.get() == null) {
                selectedConnection.set(connection);
            }
        });
    }

    private void applyFaults() {
        PracticeServer running = server;
        if (running == null) {
            return;
        }
        Faults faults = running.faults();
        faults.replyDelay(Duration.ofSeconds(replyDelaySeconds.get()))
                .refuseConnections(refuseConnections.get())
                .rcptTemporaryFailure(rcptFailure.get())
                .dataTemporaryFailure(dataFailure.get())
                .greylisting(greylisting.get())
                .dropConnectionMidData(dropMidData.get())
                .pop3LoginTemporaryFailure(pop3LoginFailure.get());
    }

    private static List<MailboxRow> readMailboxes(PracticeServer running) throws IOException {
        List<MailboxRow> rows = new ArrayList<>();
        Accounts accounts = running.accounts();
        for (Accounts.Account account : accounts.users().values()) {
            String password = account.recoverableSecret() == null ? "" : account.recoverableSecret();
            rows.add(new MailboxRow(account.name(), password, listed(running.store().listMessages(account.name()))));
        }
        List<StoredMessage> held = running.store().listMessages(RelayPolicy.OUTBOX_MAILBOX);
        if (!held.isEmpty()) {
            rows.add(new MailboxRow(RelayPolicy.OUTBOX_MAILBOX, "", listed(held)));
        }
        return rows;
    }

    /** Each message with its sender and subject; one deleted meanwhile (by a POP3 QUIT) is left out. */
    private static List<MailboxMessage> listed(List<StoredMessage> messages) throws IOException {
        List<MailboxMessage> listed = new ArrayList<>(messages.size());
        for (StoredMessage message : messages) {
            try (InputStream in = message.open()) {
                listed.add(new MailboxMessage(message, MessageSummary.read(in)));
            } catch (NoSuchFileException gone) {
                // removed between listing and reading
            }
        }
        return listed;
    }

    private static Optional<Integer> port(MailProtocol protocol, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 0 && port <= 65_535) {
                return Optional.of(port);
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new IllegalArgumentException(protocol + " port must be a number from 1 to 65535 (or 0 for any free port): "
                + text.strip());
    }

    /** Where a session tab reaches the running server for {@code protocol}: its address and port, no TLS. */
    public Optional<ConnectionSettings> endpoint(MailProtocol protocol) {
        PracticeServer running = server;
        if (running == null) {
            return Optional.empty();
        }
        InetAddress bound = running.bindAddress();
        String host = bound.isAnyLocalAddress() ? "127.0.0.1" : bound.getHostAddress();
        int port = protocol == MailProtocol.SMTP ? running.smtpPort() : running.pop3Port();
        return Optional.of(new ConnectionSettings(host, port, protocol, TlsMode.NONE));
    }

    /** The server while it runs. */
    public Optional<PracticeServer> server() {
        return Optional.ofNullable(server);
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The server's state in words: where it listens and as whom, or why it does not. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** What went wrong last, in words (a taken port, an unreadable configuration); empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The SMTP port to start on; empty for the configured one, 0 for any free one. */
    /**
     * Whether SMTP after POP is on: a POP3 login lets its address relay without AUTH for the configured number
     * of minutes (off by default; see {@link RelayPolicy}). Kept across a restart of the server.
     */
    public BooleanProperty smtpAfterPopProperty() {
        return smtpAfterPop;
    }

    /** SMTP after POP's window in minutes while it is on, as a lesson step asks for it; 0 for the configured one. */
    public IntegerProperty smtpAfterPopMinutesProperty() {
        return smtpAfterPopMinutes;
    }

    /** AUTH, USER/PASS and plain SASL only after STARTTLS / STLS (RFC 4954 §4); for new commands of every connection. */
    public BooleanProperty requireTlsForAuthProperty() {
        return requireTlsForAuth;
    }

    /** The Class panel's state: active while the server serves a class. */
    public ClassViewModel classView() {
        return classView;
    }

    public StringProperty smtpPortProperty() {
        return smtpPort;
    }

    public StringProperty pop3PortProperty() {
        return pop3Port;
    }

    /** The accounts and their mailboxes, and the held relayed mail when there is any. */
    public ObservableList<MailboxRow> mailboxes() {
        return mailboxes;
    }

    /** The connections accepted, newest first, at most {@link #CONNECTIONS_KEPT}. */
    public ObservableList<ServerConnection> connections() {
        return connections;
    }

    /** The connection whose transcript the panel shows. */
    public ObjectProperty<ServerConnection> selectedConnectionProperty() {
        return selectedConnection;
    }

    /** The personality new connections get, one of {@link Personality#BUILT_IN}. */
    public StringProperty personalityProperty() {
        return personality;
    }

    public IntegerProperty replyDelaySecondsProperty() {
        return replyDelaySeconds;
    }

    public BooleanProperty refuseConnectionsProperty() {
        return refuseConnections;
    }

    /** 0, 451 or 452. */
    public IntegerProperty rcptFailureProperty() {
        return rcptFailure;
    }

    /** 0, 451 or 452. */
    public IntegerProperty dataFailureProperty() {
        return dataFailure;
    }

    public BooleanProperty greylistingProperty() {
        return greylisting;
    }

    public BooleanProperty dropMidDataProperty() {
        return dropMidData;
    }

    public BooleanProperty pop3LoginFailureProperty() {
        return pop3LoginFailure;
    }
}
