package dev.mailbench.diagnose;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.tls.ClientTls;
import dev.mailbench.wire.TranscriptListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a diagnosis runs. Immutable; the password is kept out of {@link #toString()} and out of every report.
 */
public final class DiagnosisOptions {

    /** The total time a diagnosis may take unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * A greeting slower than this is reported as a deliberate delay (Postfix's postscreen, greet-pause): legitimate
     * senders wait up to five minutes for it (RFC 5321 §4.5.3.2.1), so it is no failure.
     */
    public static final Duration SLOW_GREETING = Duration.ofSeconds(2);

    /** A certificate closer than this to its end is a warning. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(21);

    private final Duration timeout;
    private final String user;
    private final String password;
    private final Clock clock;
    private final ClientTls tls;
    private final String clientName;
    private final int mxPort;
    private final Duration slowGreeting;
    private final Catalogue catalogue;
    private final TranscriptListener listener;

    private DiagnosisOptions(Duration timeout, String user, String password, Clock clock, ClientTls tls,
                             String clientName, int mxPort, Duration slowGreeting, Catalogue catalogue,
                             TranscriptListener listener) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("not a timeout: " + timeout);
        }
        this.timeout = timeout;
        this.user = user;
        this.password = password;
        this.clock = Objects.requireNonNull(clock);
        this.tls = Objects.requireNonNull(tls);
        this.clientName = Objects.requireNonNull(clientName);
        this.mxPort = mxPort;
        this.slowGreeting = Objects.requireNonNull(slowGreeting);
        this.catalogue = Objects.requireNonNull(catalogue);
        this.listener = Objects.requireNonNull(listener);
    }

    /** A minute in all, no user, the system clock, the JDK's trusted certificates, MX hosts on port 25. */
    public static DiagnosisOptions defaults() {
        return new DiagnosisOptions(DEFAULT_TIMEOUT, null, null, Clock.systemUTC(), new ClientTls(),
                "mailbench.invalid", 25, SLOW_GREETING, Catalogue.english(), event -> { });
    }

    public DiagnosisOptions withTimeout(Duration newTimeout) {
        return new DiagnosisOptions(newTimeout, user, password, clock, tls,
                clientName, mxPort, slowGreeting, catalogue, listener);
    }

    /** Logs in as {@code name} with {@code secret} for the {@code auth.login} check. */
    public DiagnosisOptions withLogin(String name, String secret) {
        return new DiagnosisOptions(timeout, Objects.requireNonNull(name), Objects.requireNonNull(secret), clock, tls,
                clientName, mxPort, slowGreeting, catalogue, listener);
    }

    public DiagnosisOptions withClock(Clock newClock) {
        return new DiagnosisOptions(timeout, user, password, newClock, tls,
                clientName, mxPort, slowGreeting, catalogue, listener);
    }

    /** How certificates are judged, e.g. also trusting the practice server's own. */
    public DiagnosisOptions withTls(ClientTls newTls) {
        return new DiagnosisOptions(timeout, user, password, clock, newTls,
                clientName, mxPort, slowGreeting, catalogue, listener);
    }

    /** The port MX hosts are diagnosed on: 25 (RFC 5321 §5.1), another only for tests. */
    public DiagnosisOptions withMxPort(int port) {
        return new DiagnosisOptions(timeout, user, password, clock, tls,
                clientName, port, slowGreeting, catalogue, listener);
    }

    public DiagnosisOptions withSlowGreeting(Duration threshold) {
        return new DiagnosisOptions(timeout, user, password, clock, tls,
                clientName, mxPort, threshold, catalogue, listener);
    }

    public DiagnosisOptions withCatalogue(Catalogue newCatalogue) {
        return new DiagnosisOptions(timeout, user, password, clock, tls,
                clientName, mxPort, slowGreeting, newCatalogue, listener);
    }

    /**
     * Also tells {@code newListener} of every transcript line as it happens (on the connection's thread): a window
     * shows the conversation while it runs.
     */
    public DiagnosisOptions withTranscriptListener(TranscriptListener newListener) {
        return new DiagnosisOptions(timeout, user, password, clock, tls, clientName, mxPort, slowGreeting, catalogue,
                newListener);
    }

    public TranscriptListener transcriptListener() {
        return listener;
    }

    public Duration timeout() {
        return timeout;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** Only for logging in; never written anywhere. */
    Optional<String> password() {
        return Optional.ofNullable(password);
    }

    public Clock clock() {
        return clock;
    }

    public ClientTls tls() {
        return tls;
    }

    /** The name the client gives in EHLO. */
    public String clientName() {
        return clientName;
    }

    public int mxPort() {
        return mxPort;
    }

    public Duration slowGreeting() {
        return slowGreeting;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    @Override
    public String toString() {
        return "DiagnosisOptions[timeout=" + timeout + ", user=" + user + (password == null ? "" : ", password set")
                + ", mxPort=" + mxPort + "]";
    }
}
