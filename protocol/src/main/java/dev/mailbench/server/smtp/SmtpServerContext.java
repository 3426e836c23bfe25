package dev.mailbench.server.smtp;

import dev.mailbench.server.Accounts;
import dev.mailbench.server.ClassPolicy;
import dev.mailbench.server.ConnectionObserver;
import dev.mailbench.server.Faults;
import dev.mailbench.server.MailBackend;
import dev.mailbench.server.Personality;
import dev.mailbench.server.RecentPopLogins;
import dev.mailbench.server.ServerLimits;
import dev.mailbench.tls.ServerTls;
import java.net.InetAddress;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the practice SMTP server needs, given once at construction.
 *
 * @param bindAddress where to listen; loopback unless the user explicitly chose otherwise
 * @param port        the port, 0 for any free one
 * @param hostName    the server's name in the banner, EHLO reply and {@code Received:} headers
 * @param backend     where local mail is delivered (and relayed mail held, see {@link RelayPolicy})
 * @param accounts    domains, users, aliases and lists
 * @param limits      line length, size, recipients, connections, idle timeout, error budgets
 * @param personality the wording; read when a connection opens, so a switch applies to new connections
 * @param faults      injected faults, read at the moment each matters
 * @param tls         the certificate for STARTTLS; null only where TLS is deliberately absent (then
 *                    STARTTLS is neither offered nor accepted)
 * @param popLogins   recent POP3 logins, for SMTP after POP
 * @param observer    told of every connection with its transcript
 * @param relay       who may relay, and whether AUTH is required for all mail; read for each recipient, so
 *                    SMTP after POP can be switched while the server runs (whether AUTH is required for all
 *                    mail is read once, when the server starts)
 * @param classPolicy whether AUTH needs TLS first, and the limits of a class's students
 */
public record SmtpServerContext(InetAddress bindAddress, int port, String hostName, MailBackend backend,
                                Accounts accounts, ServerLimits limits, Supplier<Personality> personality,
                                Faults faults, ServerTls tls, RecentPopLogins popLogins,
                                ConnectionObserver observer, Supplier<RelayPolicy> relay,
                                ClassPolicy classPolicy) {

    /** A server for one user: AUTH accepted without TLS, no students. */
    public SmtpServerContext(InetAddress bindAddress, int port, String hostName, MailBackend backend,
                             Accounts accounts, ServerLimits limits, Supplier<Personality> personality,
                             Faults faults, ServerTls tls, RecentPopLogins popLogins,
                             ConnectionObserver observer, Supplier<RelayPolicy> relay) {
        this(bindAddress, port, hostName, backend, accounts, limits, personality, faults, tls, popLogins, observer,
                relay, ClassPolicy.open());
    }

    public SmtpServerContext {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(personality, "personality");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(popLogins, "popLogins");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(relay, "relay");
        Objects.requireNonNull(classPolicy, "classPolicy");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (accounts.account(RelayPolicy.OUTBOX_MAILBOX).isPresent()) {
            throw new IllegalArgumentException("no account may be called " + RelayPolicy.OUTBOX_MAILBOX
                    + ": that mailbox holds relayed mail");
        }
    }

    public SmtpServerContext withLimits(ServerLimits newLimits) {
        return new SmtpServerContext(bindAddress, port, hostName, backend, accounts, newLimits, personality, faults,
                tls, popLogins, observer, relay, classPolicy);
    }

    public SmtpServerContext withRelay(RelayPolicy newRelay) {
        return new SmtpServerContext(bindAddress, port, hostName, backend, accounts, limits, personality, faults,
                tls, popLogins, observer, () -> newRelay, classPolicy);
    }
}
