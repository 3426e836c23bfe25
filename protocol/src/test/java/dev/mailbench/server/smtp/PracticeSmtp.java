package dev.mailbench.server.smtp;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.Faults;
import dev.mailbench.server.Personality;
import dev.mailbench.server.RecentPopLogins;
import dev.mailbench.server.ServerLimits;
import dev.mailbench.server.practice.MaildirBackend;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.store.MailStore;
import dev.mailbench.store.StoredMessage;
import dev.mailbench.tls.ClientTls;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.tls.SelfSignedCertificate;
import dev.mailbench.tls.ServerTls;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A practice SMTP server on 127.0.0.1, port 0, over a store in a temporary directory, for tests: the real
 * server class with the real store, TLS and accounts, and clients connected to it.
 */
final class PracticeSmtp implements AutoCloseable {
    static final String HOST = "mail.example.test";
    private static final char[] PASSWORD = "practice".toCharArray();

    /** The defaults (alice, bob with shared secrets, postmaster, the "class" list) plus carol, hash only. */
    static final Accounts ACCOUNTS = Accounts.builder()
            .domain("example.test")
            .user("alice", "Alice Example", "alice-pass", true)
            .user("bob", "Bob Example", "bob-pass", true)
            .user("carol", "Carol Example", "carol-pass", false)
            .alias("postmaster", "alice")
            .list("class", List.of("alice", "bob"))
            .build();

    final Path root;
    final MailStore store;
    final Faults faults = new Faults();
    final ServerTls tls;
    final AtomicReference<Personality> personality = new AtomicReference<>(Personality.defaultPersonality());
    final List<Transcript> serverTranscripts = new CopyOnWriteArrayList<>();
    final SmtpServer server;
    final RecentPopLogins popLogins;
    private final List<SmtpClientSession> clients = new ArrayList<>();

    private PracticeSmtp(Path root, Clock clock, UnaryOperator<SmtpServerContext> customise) throws Exception {
        this.root = root;
        this.store = MailStore.open(root.resolve("mail"));
        KeyStore keyStore = SelfSignedCertificate.loadOrCreate(root.resolve("server.p12"), HOST, PASSWORD);
        this.tls = ServerTls.fromKeyStore(keyStore, PASSWORD);
        this.popLogins = new RecentPopLogins(clock);
        SmtpServerContext context = new SmtpServerContext(InetAddress.getLoopbackAddress(), 0, HOST,
                new MaildirBackend(store), ACCOUNTS,
                ServerLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(30)), personality::get, faults, tls, popLogins,
                (protocol, remote, transcript) -> serverTranscripts.add(transcript), () -> RelayPolicy.DEFAULTS);
        this.server = new SmtpServer(customise.apply(context));
        server.start();
    }

    static PracticeSmtp start(Path root) throws Exception {
        return new PracticeSmtp(root, Clock.systemUTC(), UnaryOperator.identity());
    }

    static PracticeSmtp start(Path root, UnaryOperator<SmtpServerContext> customise) throws Exception {
        return new PracticeSmtp(root, Clock.systemUTC(), customise);
    }

    static PracticeSmtp start(Path root, Clock clock, UnaryOperator<SmtpServerContext> customise) throws Exception {
        return new PracticeSmtp(root, clock, customise);
    }

    int port() {
        return server.port();
    }

    /** A client that trusts the practice certificate, not yet connected. */
    SmtpClientSession client() {
        SmtpClientSession client = new SmtpClientSession(new Transcript(),
                ClientOptions.defaults(new ClientTlsLayer(ClientTls.trustingDefaultsAnd(List.of(tls.certificate()))))
                        .withReplyTimeout(Duration.ofSeconds(15)));
        clients.add(client);
        return client;
    }

    /** A client connected to the server (greeting read). */
    SmtpClientSession connect() throws IOException {
        SmtpClientSession client = client();
        client.connect("127.0.0.1", port(), TlsMode.NONE);
        return client;
    }

    /** A client connected and introduced with EHLO. */
    SmtpClientSession connectAndEhlo() throws IOException {
        SmtpClientSession client = connect();
        client.ehlo("client.example.test");
        return client;
    }

    List<StoredMessage> messages(String user) throws IOException {
        return store.listMessages(user);
    }

    String text(StoredMessage message) throws IOException {
        return new String(bytes(message), StandardCharsets.UTF_8);
    }

    byte[] bytes(StoredMessage message) throws IOException {
        try (InputStream in = message.open()) {
            return in.readAllBytes();
        }
    }

    /** Files left in any mailbox's tmp/: an aborted delivery must leave none. */
    List<Path> temporaryFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        Path mail = store.root();
        try (Stream<Path> all = Files.walk(mail)) {
            all.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("tmp"))
                    .filter(Files::isRegularFile)
                    .forEach(files::add);
        }
        return files;
    }

    /** Waits until the server has finished with every connection (deadline, not speed: 10 s). */
    void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.activeConnections() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server still serves " + server.activeConnections() + " connection(s)");
            }
            Thread.sleep(10);
        }
    }

    /** The transcript of the most recent connection, waiting (10 s at most) for one to be opened. */
    Transcript lastServerTranscriptWhenOpen() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (serverTranscripts.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no connection reached the server");
            }
            Thread.sleep(10);
        }
        return lastServerTranscript();
    }

    /** The server's transcript of its most recent connection. */
    Transcript lastServerTranscript() {
        return serverTranscripts.get(serverTranscripts.size() - 1);
    }

    @Override
    public void close() {
        clients.forEach(SmtpClientSession::close);
        server.close();
    }
}
