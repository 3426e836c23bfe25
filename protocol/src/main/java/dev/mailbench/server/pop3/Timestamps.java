package dev.mailbench.server.pop3;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The unique strings in angle brackets that APOP (RFC 1939 §7: {@code <process-ID.clock@hostname>}, "MUST
 * be different each time the POP3 server issues a banner greeting") and CRAM-MD5 (RFC 2195 §2) challenges
 * are made of. A counter makes them unique within the process, the clock across restarts.
 */
final class Timestamps {
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();

    private Timestamps() {
    }

    static String next(String hostName) {
        return "<" + PID + "." + COUNTER.incrementAndGet() + "." + System.currentTimeMillis() + "@" + hostName + ">";
    }
}
