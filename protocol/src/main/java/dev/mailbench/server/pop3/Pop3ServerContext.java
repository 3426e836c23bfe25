package dev.mailbench.server.pop3;

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
 * Everything the POP3 side of the practice server needs, shared by all its connections.
 *
 * @param bindAddress where to listen; 127.0.0.1 unless the user explicitly chose otherwise
 * @param port        the port, 0 for any free one (the default in Mailbench is 1110)
 * @param hostName    the server's name, used in the APOP timestamp and the greeting
 * @param backend     the mailboxes
 * @param accounts    who may log in
 * @param limits      connection limit, idle timeout ("autologout", RFC 1939 §3), failed-login and error budgets
 * @param personality how replies are worded; read once per connection, so a switch applies to new ones
 * @param faults      injected faults, read at the moment each matters
 * @param tls         the server's certificate for STLS (RFC 2595 §4); {@code null} when TLS is not offered
 * @param popLogins   where successful logins are recorded for SMTP after POP
 * @param observer    told of every connection with its server-side transcript
 * @param classPolicy whether USER/PASS and plain SASL need STLS first, and the limits of a class's students
 */
public record Pop3ServerContext(InetAddress bindAddress, int port, String hostName, MailBackend backend,
                                Accounts accounts, ServerLimits limits, Supplier<Personality> personality,
                                Faults faults, ServerTls tls, RecentPopLogins popLogins,
                                ConnectionObserver observer, ClassPolicy classPolicy) {

    /** A server for one user: passwords accepted without TLS, no students. */
    public Pop3ServerContext(InetAddress bindAddress, int port, String hostName, MailBackend backend,
                             Accounts accounts, ServerLimits limits, Supplier<Personality> personality,
                             Faults faults, ServerTls tls, RecentPopLogins popLogins, ConnectionObserver observer) {
        this(bindAddress, port, hostName, backend, accounts, limits, personality, faults, tls, popLogins, observer,
                ClassPolicy.open());
    }

    public Pop3ServerContext {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(personality, "personality");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(popLogins, "popLogins");
        Objects.requireNonNull(observer, "observer");
        Objects.requireNonNull(classPolicy, "classPolicy");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /** Whether STLS can be offered at all. */
    public boolean offersTls() {
        return tls != null;
    }
}
