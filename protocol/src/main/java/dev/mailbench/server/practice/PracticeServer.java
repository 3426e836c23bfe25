package dev.mailbench.server.practice;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.ClassPolicy;
import dev.mailbench.server.ConnectionObserver;
import dev.mailbench.server.EndedConnection;
import dev.mailbench.server.Faults;
import dev.mailbench.server.MailBackend;
import dev.mailbench.server.Personality;
import dev.mailbench.server.PortInUseException;
import dev.mailbench.server.RecentPopLogins;
import dev.mailbench.server.pop3.Pop3Server;
import dev.mailbench.server.pop3.Pop3ServerContext;
import dev.mailbench.server.smtp.RelayPolicy;
import dev.mailbench.server.smtp.SmtpServer;
import dev.mailbench.server.smtp.SmtpServerContext;
import dev.mailbench.store.MailStore;
import dev.mailbench.tls.SelfSignedCertificate;
import dev.mailbench.tls.ServerTls;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded practice server: SMTP and POP3 over one mail store, so that mail sent in one tab can be read
 * in the next. Built from a {@link ServerConfig}; faults and the personality can be changed while it runs.
 *
 * <pre>{@code
 * ServerConfig config = DataDirectory.defaultLocation().loadOrCreateConfig();
 * try (PracticeServer server = PracticeServer.start(config)) {   // PortInUseException if a port is taken
 *     server.addObserver((protocol, remote, transcript) -> show(transcript));
 *     server.faults().greylisting(true);
 *     server.switchPersonality("exchange2003");
 * }
 * }</pre>
 */
public final class PracticeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PracticeServer.class);

    private final ServerConfig config;
    private final MailStore store;
    private final ServerTls tls;
    private final Faults faults = new Faults();
    private final RecentPopLogins popLogins = new RecentPopLogins();
    private final AtomicReference<Personality> personality;
    private final AtomicReference<RelayPolicy> relay;
    private final List<ConnectionObserver> observers = new CopyOnWriteArrayList<>();
    private final TranscriptArchive transcripts;
    private final ClassPolicy classPolicy;
    private final SmtpServer smtp;
    private final Pop3Server pop3;

    private PracticeServer(ServerConfig config, MailStore store, ServerTls tls, Clock clock) {
        this.config = config;
        this.classPolicy = new ClassPolicy(config.classroom().students(), config.classroom().limits(),
                config.requireTlsForAuth(), clock);
        this.store = store;
        this.tls = tls;
        this.personality = new AtomicReference<>(Personality.load(config.personality()));
        this.relay = new AtomicReference<>(config.relay());
        this.transcripts = new TranscriptArchive(config.dataDirectory().transcripts(), config.transcripts());
        ConnectionObserver everyObserver = new ConnectionObserver() {
            @Override
            public void opened(MailProtocol protocol, String remote, Transcript transcript) {
                tellObservers(protocol, remote, transcript);
            }

            @Override
            public void ended(EndedConnection connection) {
                transcripts.ended(connection);
                for (ConnectionObserver observer : observers) {
                    try {
                        observer.ended(connection);
                    } catch (RuntimeException e) {
                        LOG.error("An observer of {} connections failed at their end", connection.protocol(), e);
                    }
                }
            }
        };
        MailBackend backend = new MaildirBackend(store);
        this.smtp = new SmtpServer(new SmtpServerContext(config.bindAddress(), config.smtpPort(), config.hostName(),
                backend, config.accounts(), config.limits(), personality::get, faults, tls, popLogins, everyObserver,
                relay::get, classPolicy));
        this.pop3 = new Pop3Server(new Pop3ServerContext(config.bindAddress(), config.pop3Port(), config.hostName(),
                backend, config.accounts(), config.limits(), personality::get, faults, tls, popLogins, everyObserver,
                classPolicy));
    }

    /**
     * Opens the store and the certificate (creating both on first start) and starts listening.
     *
     * @throws PortInUseException naming the taken port and suggesting another; nothing is left running
     * @throws IOException        if the data directory cannot be used
     */
    public static PracticeServer start(ServerConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    /** As {@link #start(ServerConfig)}, with the clock the class's per-minute and pause limits read. */
    public static PracticeServer start(ServerConfig config, Clock clock) throws IOException {
        Objects.requireNonNull(config, "config");
        DataDirectory data = config.dataDirectory();
        MailStore store = MailStore.open(data.mailStore());
        char[] password = config.keystorePassword().toCharArray();
        KeyStore keyStore = SelfSignedCertificate.loadOrCreate(data.keystoreFile(), config.hostName(), password);
        ServerTls tls;
        try {
            tls = ServerTls.fromKeyStore(keyStore, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("The certificate in " + data.keystoreFile() + " cannot be used for TLS: " + e.getMessage(), e);
        }
        PracticeServer server = new PracticeServer(config, store, tls, clock);
        try {
            server.smtp.start();
            server.pop3.start();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void tellObservers(MailProtocol protocol, String remote, Transcript transcript) {
        for (ConnectionObserver observer : observers) {
            try {
                observer.opened(protocol, remote, transcript);
            } catch (RuntimeException e) {
                // A broken view must not break the server; the connection goes on without it.
                LOG.error("An observer of {} connections failed; the connection goes on without it", protocol, e);
            }
        }
    }

    /**
     * Told of every new SMTP and POP3 connection with its server-side transcript, and of its end, from the
     * connection's own thread.
     */
    public void addObserver(ConnectionObserver observer) {
        observers.add(Objects.requireNonNull(observer));
    }

    /** Where each connection's transcript is kept once it ends (see {@link TranscriptArchive#readAll}). */
    public TranscriptArchive transcripts() {
        return transcripts;
    }

    /** Whether passwords need TLS (switchable while it runs), and the class's students and their limits. */
    public ClassPolicy classPolicy() {
        return classPolicy;
    }

    /** The faults to switch on and off while the server runs. */
    public Faults faults() {
        return faults;
    }

    /** The personality new connections get. */
    public Personality personality() {
        return personality.get();
    }

    /** Switches the personality for connections opened from now on (one already open keeps its wording). */
    public void switchPersonality(String id) {
        personality.set(Personality.load(id));
    }

    public MailStore store() {
        return store;
    }

    public Accounts accounts() {
        return config.accounts();
    }

    public ServerConfig config() {
        return config;
    }

    /** Who may relay now: the configured policy with SMTP after POP as last switched. */
    public RelayPolicy relay() {
        return relay.get();
    }

    /**
     * Switches SMTP after POP on with this window (a POP3 login lets its address relay for that long) or, with
     * {@link Duration#ZERO}, off; it applies to the next RCPT TO of every connection. On anything but loopback it
     * never applies (see {@link RelayPolicy}).
     */
    public void smtpAfterPop(Duration window) {
        relay.updateAndGet(r -> window.isZero() ? r.withSmtpAfterPop(false) : r.withSmtpAfterPop(window));
    }

    /** The recent POP3 logins that SMTP after POP reads. */
    public RecentPopLogins popLogins() {
        return popLogins;
    }

    /** The certificate STARTTLS and STLS present; a client may choose to trust it. */
    public X509Certificate certificate() {
        return tls.certificate();
    }

    public InetAddress bindAddress() {
        return config.bindAddress();
    }

    /** The SMTP port listened on (the real one when 0 was configured). */
    public int smtpPort() {
        return smtp.port();
    }

    /** The POP3 port listened on (the real one when 0 was configured). */
    public int pop3Port() {
        return pop3.port();
    }

    /** The SMTP and POP3 connections being served now: those a Stop would cut. */
    public int activeConnections() {
        return smtp.activeConnections() + pop3.activeConnections();
    }

    /** Whether both servers are listening. */
    public boolean isRunning() {
        return smtp.isRunning() && pop3.isRunning();
    }

    /** Stops both servers and closes every connection; deliveries in progress are aborted. */
    @Override
    public void close() {
        smtp.close();
        pop3.close();
        transcripts.close();
    }
}
