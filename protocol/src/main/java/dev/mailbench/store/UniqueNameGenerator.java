package dev.mailbench.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Maildir unique names: {@code seconds.MmicrosPpidQcount.host} (D. J. Bernstein, "Using maildir
 * format": time on the left, host on the right, a delivery identifier in the middle made of the
 * microseconds {@code M}, the process id {@code P} and the number of deliveries made by this process
 * {@code Q}). The count alone makes names unique within this process, the pid across processes on
 * one machine, the host across machines sharing a directory.
 */
final class UniqueNameGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(UniqueNameGenerator.class);

    /** Longest host part kept, so every unique name is also a valid POP3 unique-id (RFC 1939 §7). */
    static final int MAX_HOST_LENGTH = 20;

    /** Deliveries made by this process; shared by every store so two stores never share a name. */
    private static final AtomicLong DELIVERIES = new AtomicLong();

    private final Clock clock;
    private final long pid;
    private final String host;

    UniqueNameGenerator(Clock clock) {
        this(clock, ProcessHandle.current().pid(), LocalHostName.VALUE);
    }

    UniqueNameGenerator(Clock clock, long pid, String rawHostName) {
        this.clock = clock;
        this.pid = pid;
        this.host = sanitiseHost(rawHostName);
    }

    String next() {
        Instant now = clock.instant();
        long count = DELIVERIES.incrementAndGet();
        return now.getEpochSecond() + ".M" + (now.getNano() / 1_000) + "P" + pid + "Q" + count + "." + host;
    }

    /**
     * Maildir spec: "To deal with invalid host names, replace / with \057 and : with \072". Anything
     * outside printable ASCII becomes {@code _} as well, so the name is a valid unique-id, and the result
     * is cut to {@link #MAX_HOST_LENGTH}.
     */
    static String sanitiseHost(String raw) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '/') {
                b.append("\\057");
            } else if (c == ':') {
                b.append("\\072");
            } else if (c < 0x21 || c > 0x7E) {
                b.append('_');
            } else {
                b.append(c);
            }
        }
        String sanitised = b.length() > MAX_HOST_LENGTH ? b.substring(0, MAX_HOST_LENGTH) : b.toString();
        return sanitised.isEmpty() ? "localhost" : sanitised;
    }

    /**
     * The machine's host name, read without a DNS look-up where possible: resolving it can stall for
     * seconds on a machine without a network, and a practice server must start at once.
     */
    private static final class LocalHostName {
        static final String VALUE = find();

        private static String find() {
            String fromEnv = System.getenv("COMPUTERNAME");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv.strip();
            }
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            try {
                if (Files.isReadable(kernel)) {
                    String name = Files.readString(kernel, StandardCharsets.US_ASCII).strip();
                    if (!name.isEmpty()) {
                        return name;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall through to the next source
                LOG.debug("Cannot read the host name from the system; trying the next source", e);
            }
            fromEnv = System.getenv("HOSTNAME");
            if (fromEnv != null && !fromEnv.isBlank()) {
                return fromEnv.strip();
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Cannot find this host's name; Maildir file names use \"localhost\"", e);
                return "localhost";
            }
        }
    }
}
