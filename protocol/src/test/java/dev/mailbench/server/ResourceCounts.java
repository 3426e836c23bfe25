package dev.mailbench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What a server holds that could leak: its live threads (named {@code mailbench-<protocol>-…} by
 * {@link TcpListener}) and this process's open file descriptors (Linux's {@code /proc/self/fd}; elsewhere
 * unknown, and then not compared).
 *
 * <pre>{@code
 * ResourceCounts before = ResourceCounts.now("mailbench-smtp-");
 * ... abuse the server, close it ...
 * ResourceCounts.awaitAtMost(before, "mailbench-smtp-", Duration.ofSeconds(10));
 * }</pre>
 *
 * @param threads         live threads whose name starts with the prefix
 * @param fileDescriptors open file descriptors of this process, or -1 where they cannot be counted
 */
public record ResourceCounts(int threads, int fileDescriptors) {

    private static final Path FDS = Path.of("/proc/self/fd");

    public static ResourceCounts now(String threadPrefix) {
        int threads = (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(threadPrefix))
                .count();
        return new ResourceCounts(threads, openFileDescriptors());
    }

    private static int openFileDescriptors() {
        if (!Files.isDirectory(FDS)) {
            return -1;
        }
        try (Stream<Path> fds = Files.list(FDS)) {
            return (int) fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Waits until there are no more threads than {@code before} and at most {@code fdSlack} more file
     * descriptors (class loading and the JIT may open a jar or two), and fails with both counts if that does
     * not happen within {@code atMost}.
     */
    public static ResourceCounts awaitAtMost(ResourceCounts before, String threadPrefix, int fdSlack, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Supplier<ResourceCounts> sample = () -> now(threadPrefix);
        ResourceCounts after = sample.get();
        while (!after.withinOf(before, fdSlack) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            after = sample.get();
        }
        if (!after.withinOf(before, fdSlack)) {
            throw new AssertionError("leak: before " + before + ", after " + after + " (threads " + threadPrefix + "*)");
        }
        return after;
    }

    private boolean withinOf(ResourceCounts before, int fdSlack) {
        boolean fdsOk = before.fileDescriptors < 0 || fileDescriptors <= before.fileDescriptors + fdSlack;
        return threads <= before.threads && fdsOk;
    }
}
