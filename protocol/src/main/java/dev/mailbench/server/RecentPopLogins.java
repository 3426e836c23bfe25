package dev.mailbench.server;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "SMTP after POP" (walkthrough 001): a client address that logged in over POP3 recently may relay over
 * SMTP for a while, as old ISPs allowed before SMTP AUTH was common.
 */
public final class RecentPopLogins {
    private final Map<InetAddress, Instant> logins = new ConcurrentHashMap<>();
    private final Clock clock;

    public RecentPopLogins(Clock clock) {
        this.clock = clock;
    }

    public RecentPopLogins() {
        this(Clock.systemUTC());
    }

    public void loggedIn(InetAddress client) {
        logins.put(client, clock.instant());
    }

    /** Whether this address logged in over POP3 within the window. */
    public boolean loggedInWithin(InetAddress client, Duration window) {
        Instant at = logins.get(client);
        return at != null && !at.plus(window).isBefore(clock.instant());
    }
}
