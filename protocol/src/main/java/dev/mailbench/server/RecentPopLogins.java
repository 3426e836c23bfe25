package dev.mailbench.server;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "SMTP after POP" (walkthrough 001): a client address that logged in over POP3 recently may relay over
 * SMTP for a while, as old ISPs allowed before SMTP AUTH was common. Whether the practice server allows it
 * at all is its {@link dev.mailbench.server.smtp.RelayPolicy}'s decision (off by default).
 */
public final class RecentPopLogins {
    /** A POP3 login: who logged in, and when. */
    public record Login(String user, Instant at) {
    }

    private final Map<InetAddress, Login> logins = new ConcurrentHashMap<>();
    private final Clock clock;

    public RecentPopLogins(Clock clock) {
        this.clock = clock;
    }

    public RecentPopLogins() {
        this(Clock.systemUTC());
    }

    /** A POP3 login of {@code user} from {@code client} succeeded now. */
    public void loggedIn(InetAddress client, String user) {
        logins.put(client, new Login(user, clock.instant()));
    }

    /** Whether this address logged in over POP3 within the window. */
    public boolean loggedInWithin(InetAddress client, Duration window) {
        return loginWithin(client, window).isPresent();
    }

    /** The latest POP3 login from this address, if it was within the window. */
    public Optional<Login> loginWithin(InetAddress client, Duration window) {
        Login login = logins.get(client);
        return login != null && !login.at().plus(window).isBefore(clock.instant()) ? Optional.of(login) : Optional.empty();
    }

    /** How long ago a login was, in whole minutes. */
    public long minutesSince(Login login) {
        return Duration.between(login.at(), clock.instant()).toMinutes();
    }
}
