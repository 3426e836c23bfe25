package dev.mailbench.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The practice server's rules for a class, shared by its SMTP and POP3 sides: whether passwords may be sent only
 * under TLS, and the {@link StudentLimits} of each student's account, with the counts they are measured against.
 * One instance per server; thread-safe (every connection's thread asks it).
 *
 * <p>A connection is a student's once it says who it is: a login (SMTP AUTH, POP3), or for SMTP without AUTH a
 * MAIL FROM whose local part is a student's account (the way a telnet lesson sends mail). From then on it counts
 * against that student's connections until it ends.
 *
 * <p>Time is read from the {@link Clock} given, so a test can move it.
 */
public final class ClassPolicy {

    /** Why a student's request is refused; each protocol answers it with its own reply. */
    public enum Refusal { TOO_MANY_CONNECTIONS, TOO_MANY_MESSAGES, MAILBOX_FULL, LOGINS_PAUSED }

    private final Set<String> students;
    private final StudentLimits limits;
    private final Clock clock;
    private volatile boolean requireTlsForAuth;
    private final Map<String, Integer> connections = new HashMap<>();
    private final Map<String, Deque<Instant>> messages = new HashMap<>();
    private final Map<String, Integer> failedLogins = new HashMap<>();
    private final Map<String, Instant> pausedUntil = new HashMap<>();

    /**
     * @param students          the students' account names (lower case); anyone else is not limited here
     * @param limits            what each student may use
     * @param requireTlsForAuth whether AUTH, USER/PASS and plain SASL need TLS first (RFC 4954 §4, RFC 2595 §4)
     * @param clock             the time the per-minute and pause limits read
     */
    public ClassPolicy(Set<String> students, StudentLimits limits, boolean requireTlsForAuth, Clock clock) {
        this.students = Collections.unmodifiableSet(new LinkedHashSet<>(students));   // in the class's order
        this.limits = Objects.requireNonNull(limits, "limits");
        this.requireTlsForAuth = requireTlsForAuth;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** No students and passwords accepted in clear: the practice server on loopback for one user. */
    public static ClassPolicy open() {
        return new ClassPolicy(Set.of(), StudentLimits.DEFAULTS, false, Clock.systemUTC());
    }

    public boolean requireTlsForAuth() {
        return requireTlsForAuth;
    }

    /** Switches the rule for the next AUTH, USER or CAPA of every connection. */
    public void requireTlsForAuth(boolean on) {
        requireTlsForAuth = on;
    }

    /** Whether passwords may be sent on a connection with or without TLS now. */
    public boolean passwordsAllowed(boolean tls) {
        return tls || !requireTlsForAuth;
    }

    public StudentLimits limits() {
        return limits;
    }

    public Set<String> students() {
        return students;
    }

    /** The student's account for a login or a sender's local part, if it is a student's. */
    public Optional<String> student(String nameOrAddress) {
        if (nameOrAddress == null || nameOrAddress.isEmpty()) {
            return Optional.empty();
        }
        int at = nameOrAddress.lastIndexOf('@');
        String name = (at < 0 ? nameOrAddress : nameOrAddress.substring(0, at)).toLowerCase(Locale.ROOT);
        return students.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** A connection became the student's: counted, or refused when the student already has as many as allowed. */
    public synchronized Optional<Refusal> connectionOf(String student) {
        int open = connections.getOrDefault(student, 0);
        if (open >= limits.connectionsAtOnce()) {
            return Optional.of(Refusal.TOO_MANY_CONNECTIONS);
        }
        connections.put(student, open + 1);
        return Optional.empty();
    }

    /** A connection counted by {@link #connectionOf} has ended. */
    public synchronized void connectionEnded(String student) {
        connections.computeIfPresent(student, (name, open) -> open <= 1 ? null : open - 1);
    }

    public synchronized int connections(String student) {
        return connections.getOrDefault(student, 0);
    }

    /** The student begins a message (MAIL): counted, or refused beyond the messages of the last minute. */
    public synchronized Optional<Refusal> messageOf(String student) {
        Instant now = clock.instant();
        Deque<Instant> recent = messages.computeIfAbsent(student, name -> new ArrayDeque<>());
        Instant minuteAgo = now.minus(Duration.ofMinutes(1));
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(minuteAgo)) {
            recent.removeFirst();
        }
        if (recent.size() >= limits.messagesPerMinute()) {
            return Optional.of(Refusal.TOO_MANY_MESSAGES);
        }
        recent.addLast(now);
        return Optional.empty();
    }

    /** Whether a message of {@code incoming} octets may go to a mailbox holding {@code held} octets now. */
    public Optional<Refusal> delivery(String mailbox, long held, long incoming) {
        if (student(mailbox).isEmpty() || held + incoming <= limits.mailboxOctets()) {
            return Optional.empty();
        }
        return Optional.of(Refusal.MAILBOX_FULL);
    }

    /** Whether logins to this account pause now, after too many failures. */
    public synchronized boolean loginsPaused(String login) {
        Optional<String> student = student(login);
        if (student.isEmpty()) {
            return false;
        }
        Instant until = pausedUntil.get(student.get());
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            pausedUntil.remove(student.get());
            return false;
        }
        return true;
    }

    /** A login to this account failed; the last one allowed starts the pause. */
    public synchronized void loginFailed(String login) {
        student(login).ifPresent(student -> {
            int failures = failedLogins.merge(student, 1, Integer::sum);
            if (failures >= limits.failedLoginsBeforePause()) {
                failedLogins.remove(student);
                pausedUntil.put(student, clock.instant().plus(limits.pause()));
            }
        });
    }

    /** A login to this account succeeded: its failures are forgotten. */
    public synchronized void loginSucceeded(String login) {
        student(login).ifPresent(failedLogins::remove);
    }
}
