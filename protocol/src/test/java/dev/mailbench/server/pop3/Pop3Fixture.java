package dev.mailbench.server.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.pop3.Pop3Reply;
import dev.mailbench.server.Accounts;
import dev.mailbench.server.Faults;
import dev.mailbench.server.Personality;
import dev.mailbench.server.RecentPopLogins;
import dev.mailbench.server.ServerLimits;
import dev.mailbench.server.practice.MaildirBackend;
import dev.mailbench.store.MailStore;
import dev.mailbench.tls.ClientTls;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.tls.SelfSignedCertificate;
import dev.mailbench.tls.ServerTls;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptAssert;
import dev.mailbench.wire.TranscriptEvent;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A practice POP3 server on 127.0.0.1, port 0, over a mail store in a temporary directory, with the users
 * alice and bob (who keep a shared secret for APOP and CRAM-MD5) and carol (who does not). Collects the
 * server-side transcript of every connection and opens Mailbench client sessions against it.
 */
final class Pop3Fixture implements AutoCloseable {
    static final String HOST = "pop.example.test";
    /** Built once: every password is hashed with PBKDF2, which is meant to be slow. */
    static final Accounts ACCOUNTS = Accounts.builder()
            .domain("example.test")
            .user("alice", "Alice Example", "alice-pass", true)
            .user("bob", "Bob Example", "bob-pass", true)
            .user("carol", "Carol Example", "carol-pass", false)
            .build();
    private static final char[] KEYSTORE_PASSWORD = "practice".toCharArray();

    final Path root;
    final MailStore store;
    final Faults faults = new Faults();
    final RecentPopLogins popLogins = new RecentPopLogins();
    final List<Transcript> serverTranscripts = new CopyOnWriteArrayList<>();
    final AtomicReference<Personality> personality = new AtomicReference<>(Personality.defaultPersonality());
    private final List<Pop3ClientSession> clients = new ArrayList<>();
    private ServerLimits limits = ServerLimits.DEFAULTS;
    private ServerTls tls;
    private Pop3Server server;

    Pop3Fixture(Path root) throws Exception {
        this.root = root;
        this.store = MailStore.open(root.resolve("mail"));
    }

    Pop3Fixture limits(ServerLimits newLimits) {
        this.limits = newLimits;
        return this;
    }

    /** Offers STLS with a self-signed certificate kept in the temporary directory. */
    Pop3Fixture withTls() throws Exception {
        KeyStore keyStore = SelfSignedCertificate.loadOrCreate(root.resolve("server.p12"), HOST, KEYSTORE_PASSWORD);
        this.tls = ServerTls.fromKeyStore(keyStore, KEYSTORE_PASSWORD);
        return this;
    }

    Pop3Fixture personality(String id) {
        personality.set(Personality.load(id));
        return this;
    }

    Pop3Fixture start() throws Exception {
        server = new Pop3Server(context());
        server.start();
        return this;
    }

    Pop3ServerContext context() {
        return contextOnPort(0);
    }

    Pop3ServerContext contextOnPort(int port) {
        return new Pop3ServerContext(InetAddress.getLoopbackAddress(), port, HOST, new MaildirBackend(store),
                ACCOUNTS, limits,
                personality::get, faults, tls, popLogins, (protocol, remote, transcript) -> serverTranscripts.add(transcript));
    }

    /** Stops this server and starts another on the same data directory, as after a restart. */
    Pop3Fixture restart() throws Exception {
        server.close();
        return start();
    }

    Pop3Server server() {
        return server;
    }

    int port() {
        return server.port();
    }

    ServerTls tls() {
        return tls;
    }

    /** A client session, not yet connected. */
    Pop3ClientSession client() {
        ClientTlsLayer tlsLayer = tls == null ? new ClientTlsLayer()
                : new ClientTlsLayer(ClientTls.trustingDefaultsAnd(List.of(tls.certificate())));
        Pop3ClientSession client = new Pop3ClientSession(new Transcript(),
                ClientOptions.defaults(tlsLayer).withReplyTimeout(Duration.ofSeconds(30)));
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** A client session that has read the greeting. */
    Pop3ClientSession connect() throws Exception {
        Pop3ClientSession client = client();
        Pop3Reply greeting = client.connect("127.0.0.1", port(), TlsMode.NONE);
        assertThat(greeting.isOk()).as("greeting %s", greeting).isTrue();
        return client;
    }

    /** A client session in the TRANSACTION state. */
    Pop3ClientSession loggedIn(String user, String password) throws Exception {
        Pop3ClientSession client = connect();
        assertThat(client.user(user).isOk()).isTrue();
        Pop3Reply pass = client.pass(password);
        assertThat(pass.isOk()).as("PASS: %s", pass).isTrue();
        return client;
    }

    /** Puts a message straight into a mailbox, as the SMTP side would after DATA. */
    void deliver(String user, byte[] message) throws Exception {
        store.deliver(List.of(user), new ByteArrayInputStream(message));
    }

    void deliver(String user, String message) throws Exception {
        deliver(user, message.getBytes(StandardCharsets.UTF_8));
    }

    /** The line the server sends for a named reply, worded by the current personality. */
    String line(Pop3ServerReply reply, String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        values.put("host", HOST);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return reply.line(personality.get(), values);
    }

    /** The reply as the line that carried it. */
    static String lineOf(Pop3Reply reply) {
        if (reply.status() == Pop3Reply.Status.CONTINUATION) {
            return "+ " + reply.text();
        }
        return reply.status().indicator() + (reply.text().isEmpty() ? "" : " " + reply.text());
    }

    /** Asserts that a reply is exactly the named one. */
    void assertReply(Pop3Reply actual, Pop3ServerReply expected, String... keysAndValues) {
        assertThat(lineOf(actual)).isEqualTo(line(expected, keysAndValues));
        assertThat(actual.code().orElse(null)).isEqualTo(expected.responseCode());
    }

    /** The transcript of the n-th connection the server accepted (from 0), once it exists. */
    Transcript serverTranscript(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (serverTranscripts.size() <= n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server saw only " + serverTranscripts.size() + " connections");
            }
            Thread.sleep(10);
        }
        return serverTranscripts.get(n);
    }

    /** Waits for a server-side transcript event, e.g. the note that a mailbox was released. */
    TranscriptEvent awaitServerEvent(int connection, Predicate<TranscriptEvent> matching) throws InterruptedException {
        return TranscriptAssert.awaitEvent(serverTranscript(connection), matching, Duration.ofSeconds(20));
    }

    /** Waits until the client has seen its connection closed by the server. */
    static void awaitClosed(Pop3ClientSession client) throws InterruptedException {
        TranscriptAssert.awaitEvent(client.transcript(), e -> e.isNote()
                && (e.line().startsWith("Connection closed by the server") || e.line().startsWith("Connection lost")),
                Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(Pop3ClientSession::abort);
        }
        if (server != null) {
            server.close();
        }
    }
}
