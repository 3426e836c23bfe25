package dev.mailbench.app.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.function.Consumer;

import dev.mailbench.app.config.RecentHost;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.VerbInfo;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.smtp.SmtpVerb;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.tls.TlsReport;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ReplyTimeoutException;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.Verb;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * One session tab: where to connect, the connection's state in words, which verbs are legal now, and the
 * work in flight. Network work runs through the {@link dev.mailbench.app.task.TaskExecutor}, one piece at a
 * time, so commands leave in the order they were given; while a reply is awaited the tab is busy, shows how
 * long it has waited, and offers Cancel.
 *
 * <p>Each Connect starts a new connection with its own transcript and explainer; the tab's transcript pane
 * shows them one after the other.
 */
public final class SessionViewModel {

    private final SessionServices services;
    private final Consumer<RecentHost> remember;

    private final StringProperty host = new SimpleStringProperty(this, "host", "127.0.0.1");
    private final StringProperty port = new SimpleStringProperty(this, "port", "25");
    private final ObjectProperty<MailProtocol> protocol = new SimpleObjectProperty<>(this, "protocol", MailProtocol.SMTP);
    private final ObjectProperty<TlsMode> tlsMode = new SimpleObjectProperty<>(this, "tlsMode", TlsMode.NONE);
    /** The reply timeout in whole seconds, as typed. */
    private final StringProperty replyTimeout = new SimpleStringProperty(this, "replyTimeout", "60");

    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected", false);
    private final ReadOnlyBooleanWrapper tls = new ReadOnlyBooleanWrapper(this, "tls", false);
    private final ReadOnlyObjectWrapper<TlsReport> tlsReport = new ReadOnlyObjectWrapper<>(this, "tlsReport");
    private final ReadOnlyStringWrapper tlsWarning = new ReadOnlyStringWrapper(this, "tlsWarning", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<Enum<?>> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "not connected");
    private final ReadOnlyStringWrapper busyWith = new ReadOnlyStringWrapper(this, "busyWith", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<SessionDriver> driver = new ReadOnlyObjectWrapper<>(this, "driver");
    private final ObservableSet<Verb> legalVerbs = FXCollections.observableSet();
    private final ObservableSet<Verb> forwardVerbs = FXCollections.observableSet();
    private final ObservableList<Verb> verbs = FXCollections.observableArrayList();
    private final Map<FormField, String> remembered = new HashMap<>();
    private long busySince;
    /** The settings of the connection opened last: what its transcript lines came from. UI thread. */
    private ConnectionSettings lastConnection;
    /** Every connection the tab has made, in order, with its transcript: what File ▸ Save Session writes. */
    private final List<SessionConnection> connections = new ArrayList<>();
    /** What the work in flight waits for ("the reply to MAIL"); empty when not busy. */
    private String waitingFor = "";

    private final TranscriptViewModel transcript;
    private final CommandLineViewModel commandLine;

    public SessionViewModel(SessionServices services, Consumer<RecentHost> remember) {
        this.services = services;
        this.remember = remember;
        this.transcript = new TranscriptViewModel(services.executor());
        this.commandLine = new CommandLineViewModel(this::sendLine, this::sendRaw, new CommandVerbs() {
            @Override
            public List<VerbInfo> now() {
                return commandVerbs();
            }

            @Override
            public Optional<VerbInfo> nearest(String commandLine) {
                return nearestVerb(commandLine);
            }
        });
        replyTimeout.set(String.valueOf(Math.max(1, services.clientOptions().replyTimeout().toSeconds())));
        verbs.setAll(verbsOf(MailProtocol.SMTP));
        protocol.addListener((observable, old, now) -> {
            verbs.setAll(verbsOf(now));
            suggestPort();
            updateTitle();
        });
        tlsMode.addListener((observable, old, now) -> suggestPort());
        host.addListener((observable, old, now) -> updateTitle());
        port.addListener((observable, old, now) -> updateTitle());
        updateTitle();
    }

    // ---------------------------------------------------------------- the connection bar

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<MailProtocol> protocolProperty() {
        return protocol;
    }

    public ObjectProperty<TlsMode> tlsModeProperty() {
        return tlsMode;
    }

    /** How many seconds to wait for a reply before saying none came, as typed in the connection bar. */
    public StringProperty replyTimeoutProperty() {
        return replyTimeout;
    }

    /** Fills the connection bar. */
    public void apply(ConnectionSettings settings) {
        protocol.set(settings.protocol());
        tlsMode.set(settings.tlsMode());
        host.set(settings.host());
        port.set(String.valueOf(settings.port()));
        replyTimeout.set(String.valueOf(settings.replyTimeout().toSeconds()));
    }

    public void apply(RecentHost recent) {
        apply(new ConnectionSettings(recent.host(), recent.port(), recent.protocol(), recent.tlsMode(),
                recent.replyTimeout()));
    }

    /**
     * What the connection bar says, checked.
     *
     * @throws IllegalArgumentException with a sentence for the user when the host or port is not usable
     */
    public ConnectionSettings settings() {
        Optional<String> wrong = hostProblem(host.get()).or(() -> portProblem(port.get()))
                .or(() -> replyTimeoutProblem(replyTimeout.get()));
        if (wrong.isPresent()) {
            throw new IllegalArgumentException(wrong.get());
        }
        return new ConnectionSettings(host.get().strip(), Integer.parseInt(port.get().strip()), protocol.get(),
                tlsMode.get(), Duration.ofSeconds(Long.parseLong(replyTimeout.get().strip())));
    }

    /**
     * Why the connection bar's host cannot be connected to, if so: a host name is letters, digits and hyphens
     * between dots (RFC 1123 §2.1, which allows a leading digit, so an IPv4 address is one too), or an IPv6
     * address, with or without brackets (RFC 4291 §2.2).
     */
    public static Optional<String> hostProblem(String typed) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            return Optional.of("Type the server's host name or address.");
        }
        if (HOST_NAME.matcher(name).matches() || IPV6.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of("\"" + name + "\" is not a host name: it has letters, digits, hyphens and dots only"
                + " (RFC 1123 §2.1), or is an address such as 127.0.0.1.");
    }

    /** Why the connection bar's port cannot be connected to, if so: a TCP port is a number from 1 to 65535. */
    public static Optional<String> portProblem(String typed) {
        int number;
        try {
            number = Integer.parseInt(typed == null ? "" : typed.strip());
        } catch (RuntimeException e) {
            number = -1;
        }
        return number < 1 || number > 65535 ? Optional.of("The port must be a number from 1 to 65535.")
                : Optional.empty();
    }

    /** Why the reply timeout cannot be used, if so. */
    public static Optional<String> replyTimeoutProblem(String typed) {
        long seconds;
        try {
            seconds = Long.parseLong(typed == null ? "" : typed.strip());
        } catch (RuntimeException e) {
            seconds = -1;
        }
        return seconds < 1 || seconds > MAX_REPLY_TIMEOUT_SECONDS
                ? Optional.of("The reply timeout must be a number of seconds from 1 to " + MAX_REPLY_TIMEOUT_SECONDS + ".")
                : Optional.empty();
    }

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}\\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f]*:[0-9A-Fa-f:.]*(?:%[A-Za-z0-9]+)?]?");

    /** An hour: RFC 5321 §4.5.3.2 has a client wait at most 10 minutes for a reply; a person may wait longer. */
    private static final long MAX_REPLY_TIMEOUT_SECONDS = 3600;

    /** A port left at a protocol's usual value follows the protocol and TLS mode (25 → 465 for implicit TLS). */
    private void suggestPort() {
        int current;
        try {
            current = Integer.parseInt(port.get().strip());
        } catch (RuntimeException e) {
            current = -1;
        }
        if (current < 0 || ConnectionSettings.isDefaultPort(current)) {
            port.set(String.valueOf(ConnectionSettings.defaultPort(protocol.get(), tlsMode.get())));
        }
    }

    // ---------------------------------------------------------------- state

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty tlsProperty() {
        return tls.getReadOnlyProperty();
    }

    /** The last TLS handshake's report of the current connection; null before TLS (or without a report). */
    public ReadOnlyObjectProperty<TlsReport> tlsReportProperty() {
        return tlsReport.getReadOnlyProperty();
    }

    /**
     * What is wrong with the certificate of the TLS in force ("certificate expired", "certificate for another
     * host", "certificate not trusted"); empty without TLS or with a trusted certificate for the host.
     */
    public ReadOnlyStringProperty tlsWarningProperty() {
        return tlsWarning.getReadOnlyProperty();
    }

    /** Whether network work is in flight (a connect, or a command waiting for its reply). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the tab waits for, in words. */
    public ReadOnlyStringProperty busyWithProperty() {
        return busyWith.getReadOnlyProperty();
    }

    /** The state in words, from the protocol: "greeted: introduce yourself with EHLO (or HELO)". */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Where the connection stands in its protocol ({@code SmtpPhase}, {@code Pop3Phase}); null before a connection. */
    public ReadOnlyObjectProperty<Enum<?>> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What went wrong last, in words; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The tab's title: protocol, host and port. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The current connection's session; null before the first Connect. */
    public ReadOnlyObjectProperty<SessionDriver> driverProperty() {
        return driver.getReadOnlyProperty();
    }

    public SessionDriver driver() {
        return driver.get();
    }

    /** The verbs a correct client may send now; the step bar highlights them. */
    public ObservableSet<Verb> legalVerbs() {
        return legalVerbs;
    }

    /** Of the legal verbs, those that move a normal dialogue forward now (the step bar lights them most). */
    public ObservableSet<Verb> forwardVerbs() {
        return forwardVerbs;
    }

    /** The verbs of the selected protocol, in dialogue order. */
    public ObservableList<Verb> verbs() {
        return verbs;
    }

    public TranscriptViewModel transcript() {
        return transcript;
    }

    public CommandLineViewModel commandLine() {
        return commandLine;
    }

    public SessionServices services() {
        return services;
    }

    /** The value the user last sent in this field of the verb's form, so a form opens as it was left. */
    public Optional<String> remembered(Verb verb, String field) {
        return Optional.ofNullable(remembered.get(new FormField(verb, field)));
    }

    /** Keeps a value the user sent in a field of the verb's form. */
    public void remember(Verb verb, String field, String value) {
        remembered.put(new FormField(verb, field), value);
    }

    /** How long the work in flight has waited, e.g. {@code 3.2 s}; empty when not busy. */
    public String elapsed() {
        if (!busy.get()) {
            return "";
        }
        return waited(Duration.ofNanos(Math.max(0, services.nanoClock().getAsLong() - busySince)));
    }

    /** A wait as the elapsed counter shows it: {@code 3.2 s}, {@code 2 min 03 s}. */
    private static String waited(Duration waited) {
        long tenths = waited.toNanos() / 100_000_000L;
        return tenths < 600 ? String.format(Locale.ROOT, "%d.%d s", tenths / 10, tenths % 10)
                : String.format(Locale.ROOT, "%d min %02d s", tenths / 600, tenths / 10 % 60);
    }

    // ---------------------------------------------------------------- commands

    /** The settings the tab connected with last, whatever the bar says now; empty before the first connection. */
    public Optional<ConnectionSettings> lastConnection() {
        return Optional.ofNullable(lastConnection);
    }

    /** The connections the tab has made so far, in order, each with its transcript. UI thread. */
    public List<SessionConnection> connections() {
        return List.copyOf(connections);
    }

    /** Opens a new connection with the bar's settings; its lines join the tab's transcript. */
    public void connect() {
        if (busy.get() || connected.get()) {
            return;
        }
        ConnectionSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return;
        }
        problem.set("");
        lastConnection = settings;
        Transcript connection = new Transcript();
        connections.add(new SessionConnection(new SessionSettings(settings.protocol(), settings.host(), settings.port(),
                settings.tlsMode(), Optional.empty()), connection));
        tlsReport.set(null);
        SessionDriver[] created = new SessionDriver[1];
        SessionDriver next = SessionDriver.create(settings.protocol(), connection,
                reportingTls(services.clientOptions().withReplyTimeout(settings.replyTimeout()), report -> services.executor().runOnUi(() -> {
                    if (created[0] == driver.get()) {
                        tlsReport.set(report);
                        refresh(created[0]);
                    }
                })));
        created[0] = next;
        next.onStateChange(() -> services.executor().runOnUi(() -> refresh(next)));
        transcript.follow(connection, new EventExplainer(settings.protocol(), services.catalogue()));
        driver.set(next);
        remember.accept(new RecentHost(settings.host(), settings.port(), settings.protocol(), settings.tlsMode(),
                settings.replyTimeout()));
        start("connecting to " + settings.host() + ":" + settings.port(),
                d -> d.connect(settings.host(), settings.port(), settings.tlsMode()));
    }

    /** Closes the connection at once, without QUIT (the QUIT step says goodbye politely). */
    public void disconnect() {
        SessionDriver current = driver.get();
        if (current != null) {
            services.executor().execute(BackgroundTask.run(current::abort).onFinished(() -> refresh(current)));
        }
    }

    /**
     * Stops waiting: closes the connection, so that whatever waits for the server ends now. The transcript
     * says what was cancelled and after how long ("Cancelled the wait for the reply to MAIL after 12.3 s").
     */
    public void cancel() {
        SessionDriver current = driver.get();
        if (current == null) {
            return;
        }
        String note = busy.get() ? cancelNote(waitingFor,
                Duration.ofNanos(Math.max(0, services.nanoClock().getAsLong() - busySince))) : null;
        services.executor().execute(BackgroundTask.run(() -> {
            if (note != null) {
                current.transcript().note(note);
            }
            current.abort();
        }).onFinished(() -> refresh(current)));
    }

    /** "Cancelled the wait for the reply to MAIL after 12.3 s", "Cancelled connecting to host:25 after 3 s". */
    static String cancelNote(String waitingFor, Duration waited) {
        String what = waitingFor.startsWith("the ") ? "the wait for " + waitingFor : waitingFor;
        return "Cancelled " + what + " after " + waited(waited);
    }

    /** Sends a line as typed in the command line; false when it cannot be sent now. */
    public boolean sendLine(String line) {
        String verb = line.strip().isEmpty() ? "the line" : line.strip().split("\\s+")[0].toUpperCase(Locale.ROOT);
        return run("the reply to " + verb, d -> d.send(line));
    }

    /** Sends bytes exactly as given; false when they cannot be sent now. */
    public boolean sendRaw(byte[] bytes) {
        return run("sending raw bytes", d -> d.sendRaw(bytes));
    }

    /**
     * Runs network work on the connection, unless other work is in flight or there is no connection.
     *
     * @param waitingFor what the tab waits for, in words, shown beside the elapsed time
     * @return whether the work was started
     */
    public boolean run(String waitingFor, SessionAction action) {
        if (busy.get() || !connected.get()) {
            return false;
        }
        return start(waitingFor, action);
    }

    private boolean start(String waitingFor, SessionAction action) {
        SessionDriver current = driver.get();
        if (current == null) {
            return false;
        }
        busySince = services.nanoClock().getAsLong();
        this.waitingFor = waitingFor;
        busyWith.set("Waiting for " + waitingFor);
        busy.set(true);
        problem.set("");
        // connected is set before the work starts: a connect in flight already counts, so Cancel can end it.
        connected.set(true);
        services.executor().execute(BackgroundTask.run(() -> action.run(current))
                .onFailure(this::failed)
                .onFinished(() -> {
                    busy.set(false);
                    busyWith.set("");
                    refresh(current);
                }));
        return true;
    }

    private void failed(Exception failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        problem.set(failure instanceof ReplyTimeoutException
                ? "No reply yet; still listening. Wait, send something else, or Disconnect."
                : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1));
    }

    /** Reads the session's state into the properties; UI thread. */
    private void refresh(SessionDriver from) {
        if (from != driver.get()) {
            return; // an earlier connection of this tab
        }
        connected.set(from.isConnected() || busy.get());
        tls.set(from.isTls());
        TlsReport report = tlsReport.get();
        tlsWarning.set(from.isTls() && report != null ? report.warning().orElse("") : "");
        phase.set(from.phase());
        state.set(from.stateDescription());
        Set<Verb> legal = from.legalVerbs();
        legalVerbs.retainAll(legal);
        legalVerbs.addAll(legal);
        Set<Verb> forward = from.forwardVerbs();
        forwardVerbs.retainAll(forward);
        forwardVerbs.addAll(forward);
        commandLine.refreshHint();
    }

    /** The client options with a TLS layer that also hands its reports to {@code reports}, when it can. */
    private static ClientOptions reportingTls(ClientOptions options, Consumer<TlsReport> reports) {
        if (options.tlsLayer() instanceof ClientTlsLayer layer) {
            return options.withTlsLayer(layer.reportingTo(reports));
        }
        return options;
    }

    private void updateTitle() {
        title.set(protocol.get() + " " + host.get() + ":" + port.get());
    }

    /** The verbs a typed command may start with now, with their syntax: none while the session takes no command. */
    private List<VerbInfo> commandVerbs() {
        SessionDriver current = driver.get();
        if (current == null || legalVerbs.isEmpty()) {
            return List.of();
        }
        return current.verbs().stream().flatMap(verb -> services.catalogue().verb(verb).stream()).toList();
    }

    /** The verb a command line whose first word is none most likely meant, from the protocol's verb specification. */
    private Optional<VerbInfo> nearestVerb(String line) {
        SessionDriver current = driver.get();
        if (current == null || legalVerbs.isEmpty()) {
            return Optional.empty();
        }
        Optional<? extends Verb> nearest = current.protocol() == MailProtocol.SMTP ? SmtpVerb.nearest(line) : Pop3Verb.nearest(line);
        return nearest.flatMap(verb -> services.catalogue().verb(verb));
    }

    private static List<Verb> verbsOf(MailProtocol protocol) {
        return protocol == MailProtocol.SMTP ? List.<Verb>copyOf(SmtpVerb.implemented()) : List.<Verb>of(Pop3Verb.values());
    }

    /** A field of a verb's form, by the name of the verb's argument it fills in. */
    private record FormField(Verb verb, String field) {
    }
}
