package dev.mailbench.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one student of a class may use of the practice server, so that one student can neither fill the disk
 * nor starve the others (the server-wide {@link ServerLimits} still apply to everyone). The teacher's account
 * and the other accounts of the server are not students: these limits do not apply to them.
 *
 * @param connectionsAtOnce  connections a student may have open at once, SMTP and POP3 together; beyond it SMTP
 *                           answers {@code 421 4.7.0} and POP3 {@code -ERR [IN-USE]}, and the connection closes
 * @param messagesPerMinute  messages a student may start in any minute; beyond it MAIL gets {@code 451 4.7.1}
 * @param mailboxOctets      the size a student's mailbox may reach; a recipient whose mailbox is full gets
 *                           {@code 552 5.2.2} (RFC 3463 X.2.2, "mailbox full")
 * @param failedLoginsBeforePause failed logins of one student's account before logins to it pause
 * @param pause              how long they pause: SMTP AUTH answers {@code 454 4.7.0}, POP3 {@code -ERR [AUTH]}
 */
public record StudentLimits(int connectionsAtOnce, int messagesPerMinute, long mailboxOctets,
                            int failedLoginsBeforePause, Duration pause) {

    /** A classroom's defaults: generous for a lesson, small enough that thirty students share one disk. */
    public static final StudentLimits DEFAULTS = new StudentLimits(6, 30, 10L * 1024 * 1024, 5, Duration.ofMinutes(1));

    public StudentLimits {
        Objects.requireNonNull(pause, "pause");
        if (connectionsAtOnce < 1 || messagesPerMinute < 1 || mailboxOctets < 1 || failedLoginsBeforePause < 1
                || pause.isNegative()) {
            throw new IllegalArgumentException("student limits must be positive");
        }
    }
}
