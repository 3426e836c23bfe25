package dev.mailbench.server.smtp;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The (client address, sender, recipient) triplets seen while greylisting is switched on. Greylisting
 * answers the first attempt of a triplet with {@code 450 4.7.1}: a real mail server retries later, a
 * spam engine that fires and forgets does not. This practice server accepts the very next retry, so a
 * class need not wait the usual minutes. Shared by all connections of one server.
 */
public final class Greylist {

    private record Triplet(String client, String sender, String recipient) {
    }

    private final Set<Triplet> seen = ConcurrentHashMap.newKeySet();

    /** Records the attempt; true if the triplet had not been seen before (so it is refused this time). */
    public boolean firstAttempt(InetAddress client, String sender, String recipient) {
        return seen.add(new Triplet(client.getHostAddress(), sender.toLowerCase(Locale.ROOT),
                recipient.toLowerCase(Locale.ROOT)));
    }

    /** Forgets every triplet, so the next attempts are "first" again. */
    public void clear() {
        seen.clear();
    }
}
