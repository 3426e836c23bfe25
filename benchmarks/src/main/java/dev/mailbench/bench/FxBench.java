package dev.mailbench.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javax.management.ObjectName;

/**
 * What the window benchmarks share: JavaFX started headless (Monocle, software rendering), a recorder of how
 * long the FX thread went without answering, and heap figures.
 */
final class FxBench {

    /** How often the lateness probe is posted to the FX thread. */
    private static final long PROBE_PERIOD_MS = 10;

    private FxBench() {
    }

    /**
     * Starts the JavaFX toolkit without a display: Monocle's headless platform and the software pipeline. The
     * properties must be set before the toolkit's classes read them, so this runs first in {@code main}; those
     * given on the command line win.
     */
    static void startHeadlessToolkit() throws InterruptedException {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        Platform.setImplicitExit(false);
        if (!started.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    static String machine() {
        return String.format(Locale.ROOT, "%d cores, %s %s, Java %s (%s), max heap %d MB",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /**
     * Records, while running, the longest gap between two animation pulses and the latest a {@code runLater}
     * probe posted every {@value #PROBE_PERIOD_MS} ms ran: both are how long the FX thread was busy with one
     * thing while it should have painted or answered.
     */
    static final class StallRecorder {
        private final AtomicLong longestGapNanos = new AtomicLong();
        private final AtomicLong gapsOver100 = new AtomicLong();
        private final AtomicLong pulses = new AtomicLong();
        private final AtomicLong longestLatenessNanos = new AtomicLong();
        private final AtomicLong probes = new AtomicLong();
        private final ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "fx-lateness-probe");
            thread.setDaemon(true);
            return thread;
        });
        private final List<Long> workNanos = new CopyOnWriteArrayList<>();
        private final List<Long> gapNanos = new CopyOnWriteArrayList<>();
        private volatile long pulseStart;
        private final AtomicLong longestPulseWorkNanos = new AtomicLong();
        private final AtomicLong pulsesOver50Work = new AtomicLong();
        private Scene scene;
        private AnimationTimer timer;
        private volatile boolean running;
        private long gcCountAtStart;
        private long gcMillisAtStart;
        private long gcCount;
        private long gcMillis;

        /**
         * Starts recording, and times each pulse of {@code scene} from its first animation timer to the end of its
         * layout: how long the FX thread itself worked in a pulse (rendering follows on the renderer thread). Call
         * on the FX thread.
         */
        void start(Scene scene) {
            start();
            this.scene = scene;
            scene.addPostLayoutPulseListener(postLayout);
        }

        private final Runnable postLayout = () -> {
            if (running) {
                long busy = System.nanoTime() - pulseStart;
                longestPulseWorkNanos.accumulateAndGet(busy, Math::max);
                if (busy > 50_000_000L) {
                    pulsesOver50Work.incrementAndGet();
                }
            }
        };

        /** The longest a pulse kept the FX thread busy, from its animation timers to the end of its layout, ms. */
        double longestPulseWorkMs() {
            return longestPulseWorkNanos.get() / 1e6;
        }

        /** Pulses whose timers, CSS and layout took over 50 ms. */
        long pulsesOver50MsWork() {
            return pulsesOver50Work.get();
        }

        /** Starts recording; call on the FX thread. */
        void start() {
            gcCountAtStart = gcCount();
            gcMillisAtStart = gcMillis();
            running = true;
            timer = new AnimationTimer() {
                private long last = -1;

                @Override
                public void handle(long now) {
                    long t = System.nanoTime();
                    if (last >= 0) {
                        long gap = t - last;
                        gapNanos.add(gap);
                        longestGapNanos.accumulateAndGet(gap, Math::max);
                        if (gap > 100_000_000L) {
                            gapsOver100.incrementAndGet();
                        }
                    }
                    last = t;
                    pulseStart = t;
                    pulses.incrementAndGet();
                }
            };
            timer.start();
            poster.scheduleAtFixedRate(() -> {
                if (!running) {
                    return;
                }
                long posted = System.nanoTime();
                Platform.runLater(() -> {
                    longestLatenessNanos.accumulateAndGet(System.nanoTime() - posted, Math::max);
                    probes.incrementAndGet();
                });
            }, 0, PROBE_PERIOD_MS, TimeUnit.MILLISECONDS);
        }

        /** Stops recording; call on the FX thread. */
        void stop() {
            gcCount = gcCount() - gcCountAtStart;
            gcMillis = gcMillis() - gcMillisAtStart;
            running = false;
            timer.stop();
            if (scene != null) {
                scene.removePostLayoutPulseListener(postLayout);
            }
            poster.shutdownNow();
        }

        /**
         * Marks the end of a piece of work that started in this pulse's animation timers (this recorder's timer is
         * started before the measured one, so it runs first in each pulse).
         */
        void workDone() {
            workNanos.add(System.nanoTime() - pulseStart);
        }

        /** The median of the marked pieces of work, in ms; zero if none was marked. */
        double medianWorkMs() {
            long[] sorted = workNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
        }

        double medianPulseGapMs() {
            long[] sorted = gapNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
        }

        double longestPulseGapMs() {
            return longestGapNanos.get() / 1e6;
        }

        long pulseGapsOver100Ms() {
            return gapsOver100.get();
        }

        long pulses() {
            return pulses.get();
        }

        double longestProbeLatenessMs() {
            return longestLatenessNanos.get() / 1e6;
        }

        long probes() {
            return probes.get();
        }

        /** Collections while recording; with G1 each pauses every thread, the FX thread too. */
        long collections() {
            return gcCount;
        }

        /** Time the collectors reported while recording (G1: its pauses, young and mixed). */
        long collectionMillis() {
            return gcMillis;
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        }

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }
    }

    /** Heap pools' peaks are reset, so {@link #peakHeapBytes()} covers what came after. */
    static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * The sum of the heap pools' peak usages since {@link #resetPeaks()}: an upper bound of the peak heap, as the
     * pools (eden, survivor, old) need not peak at the same moment.
     */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Used heap after full collections, once it stops shrinking. */
    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (now >= used - 1024 * 1024) {
                return Math.min(now, used);
            }
            used = Math.min(now, used);
        }
        return used;
    }

    /** With {@code -Dbench.histogram=true}: the classes holding the most heap, to see where it goes. */
    static void printClassHistogram(int rows) throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histogram.lines().limit(rows + 3).forEach(System.out::println);
    }

    static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
