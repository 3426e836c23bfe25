package dev.mailbench.server.smtp;

import dev.mailbench.server.RecentPopLogins;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Who may send mail through the practice SMTP server, and where it goes.
 *
 * <p>Mail for local users is always accepted. Mail for another domain is relaying; it is refused with
 * {@code 550 5.7.1} unless the client authenticated (RFC 4954), or, when {@code smtpAfterPop} is on (it is off
 * by default, and a practice-server setting, a {@code serve} option and a console command switch it), the
 * client's address logged in over POP3 within {@code smtpAfterPopWindow} ("SMTP after POP", walkthrough 001).
 * When the server listens on anything but loopback, SMTP after POP is ignored and relaying always needs
 * AUTH: on a shared network an address proves nothing. No setting makes the server an open relay.
 *
 * <p>The practice server never sends mail to other servers. A relayed message is accepted (that is the
 * lesson) and held in the mailbox {@link #OUTBOX_MAILBOX} of the store, with the envelope recipients in an
 * {@code X-Mailbench-Held-For} header, where the practice-server panel shows it. It is not delivered further
 * and no bounce is sent: a sandbox that sent real mail would be the open relay this policy exists to avoid.
 *
 * @param smtpAfterPop       whether a recent POP3 login from the same address allows relaying
 * @param smtpAfterPopWindow how recent that login must be
 * @param authRequired       every mail transaction needs AUTH first ({@code 530 5.7.0}), as on a
 *                           submission server (RFC 6409 §4.3), even for local recipients
 */
public record RelayPolicy(boolean smtpAfterPop, Duration smtpAfterPopWindow, boolean authRequired) {

    /** The mailbox holding accepted relayed mail; no account may have this name. */
    public static final String OUTBOX_MAILBOX = "relay-outbox";

    /**
     * SMTP after POP off (its window, when switched on, 10 minutes), AUTH not required for local mail: relaying
     * to another domain needs AUTH unless SMTP after POP is switched on for a lesson.
     */
    public static final RelayPolicy DEFAULTS = new RelayPolicy(false, Duration.ofMinutes(10), false);

    public RelayPolicy {
        Objects.requireNonNull(smtpAfterPopWindow, "smtpAfterPopWindow");
        if (smtpAfterPopWindow.isNegative()) {
            throw new IllegalArgumentException("the SMTP-after-POP window cannot be negative");
        }
    }

    /** Why a client may relay, or {@link Permission#DENIED}. */
    public enum Permission { AUTHENTICATED, SMTP_AFTER_POP, DENIED }

    /**
     * Whether a client may relay.
     *
     * @param bindAddress   where the server listens; anything but loopback forces AUTH
     * @param authenticated whether the session authenticated
     * @param client        the client's address
     * @param popLogins     the recent POP3 logins
     */
    public Permission relayPermission(InetAddress bindAddress, boolean authenticated, InetAddress client,
                                      RecentPopLogins popLogins) {
        if (authenticated) {
            return Permission.AUTHENTICATED;
        }
        if (smtpAfterPop && bindAddress.isLoopbackAddress() && popLogins.loggedInWithin(client, smtpAfterPopWindow)) {
            return Permission.SMTP_AFTER_POP;
        }
        return Permission.DENIED;
    }

    /** SMTP after POP switched on with this window. */
    public RelayPolicy withSmtpAfterPop(Duration window) {
        return new RelayPolicy(true, window, authRequired);
    }

    public RelayPolicy withSmtpAfterPop(boolean on) {
        return new RelayPolicy(on, smtpAfterPopWindow, authRequired);
    }

    public RelayPolicy withAuthRequired(boolean on) {
        return new RelayPolicy(smtpAfterPop, smtpAfterPopWindow, on);
    }
}
