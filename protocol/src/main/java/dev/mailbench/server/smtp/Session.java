package dev.mailbench.server.smtp;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLSession;

/**
 * What the server knows about one SMTP connection: who the client said it is, whether TLS and AUTH are in
 * force, the failed authentications, and the current {@link Envelope} if a transaction is open (the error
 * budget is counted by the connection, {@code LineServerSession}). Commands read it; only the command
 * classes of this package change it.
 */
public final class Session {
    private final InetAddress clientAddress;
    private String heloName;
    private boolean extended;
    private SSLSession tls;
    private String authenticatedUser;
    private int failedAuthentications;
    private Envelope envelope;
    private String student;

    /** Told of each login and each accepted sender, for the record of the connection once it ends. */
    private final Consumer<String> loggedIn;
    private final Consumer<String> mailFrom;

    /**
     * @param loggedIn told the user name of each successful AUTH
     * @param mailFrom told the address of each MAIL FROM that begins a transaction
     */
    Session(InetAddress clientAddress, Consumer<String> loggedIn, Consumer<String> mailFrom) {
        this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
        this.loggedIn = loggedIn;
        this.mailFrom = mailFrom;
    }

    public InetAddress clientAddress() {
        return clientAddress;
    }

    /** Whether the client introduced itself with HELO or EHLO (RFC 5321 §4.1.4). */
    public boolean greeted() {
        return heloName != null;
    }

    /** The name the client gave in HELO/EHLO. */
    public Optional<String> heloName() {
        return Optional.ofNullable(heloName);
    }

    /** Whether the client used EHLO rather than HELO. */
    public boolean extended() {
        return extended;
    }

    public boolean isTls() {
        return tls != null;
    }

    public Optional<SSLSession> tlsSession() {
        return Optional.ofNullable(tls);
    }

    public boolean authenticated() {
        return authenticatedUser != null;
    }

    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(authenticatedUser);
    }

    public int failedAuthentications() {
        return failedAuthentications;
    }

    /** The class's student this connection counts against, once it said who it is ({@code ClassPolicy}). */
    public Optional<String> student() {
        return Optional.ofNullable(student);
    }

    void countsAgainst(String name) {
        student = Objects.requireNonNull(name);
    }

    public boolean inTransaction() {
        return envelope != null;
    }

    public Optional<Envelope> envelope() {
        return Optional.ofNullable(envelope);
    }

    /** HELO/EHLO: the client is introduced; RFC 5321 §4.1.4 makes it also abandon any transaction. */
    void greet(String name, boolean usedEhlo) {
        heloName = Objects.requireNonNull(name);
        extended = usedEhlo;
        envelope = null;
    }

    void beginTransaction(Envelope newEnvelope) {
        envelope = Objects.requireNonNull(newEnvelope);
        mailFrom.accept(newEnvelope.reversePath());
    }

    /** RSET, or the end of DATA whatever its outcome. */
    void endTransaction() {
        envelope = null;
    }

    void authenticated(String user) {
        authenticatedUser = Objects.requireNonNull(user);
        loggedIn.accept(user);
    }

    int failedAuthentication() {
        return ++failedAuthentications;
    }

    /**
     * TLS is up. RFC 3207 §4.2: the server must discard any knowledge obtained from the client before TLS,
     * such as the HELO/EHLO argument, and the client must say EHLO again.
     */
    void tlsStarted(SSLSession session) {
        tls = Objects.requireNonNull(session);
        heloName = null;
        extended = false;
        authenticatedUser = null;
        envelope = null;
    }
}
