package dev.mailbench.app.logging;

import java.util.concurrent.TimeUnit;

import org.slf4j.LoggerFactory;
import org.slf4j.helpers.SubstituteLoggerFactory;

/**
 * When logging starts. Logback's start (reading its configuration: some 500 classes) takes a good part of a
 * second of one core on a slow machine, and the window's first frame need not wait for it: the launcher holds
 * it back with {@link #whenAsked()}, and the window asks with {@link #now()} once it has drawn its first frame
 * (a sub-command asks at once). No line is lost meanwhile: loggers asked for stand in for the real ones and
 * hand on every call, in order, once Logback is ready (SLF4J's substitutes and replay), and what is still
 * waiting when the process ends, a failure before the first frame included, is written before it exits.
 *
 * <p>This class touches neither Logback nor SLF4J's markers (whose first use would start SLF4J on the spot),
 * so that loading it starts nothing.
 */
public final class LoggingStart {

    static final String PROVIDER_PROPERTY = "slf4j.provider";
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

    private static volatile Thread starting;

    private LoggingStart() {
    }

    /**
     * Gets logging ready to start on a thread of its own once {@link #now()} is called, or at the latest
     * {@value DeferredLogbackProvider#LATEST_START_SECONDS} seconds from now. Nothing is held back when the
     * system property {@code slf4j.provider} names a provider already. SLF4J's own notices on standard error
     * (that a provider was named, that calls are replayed) are left out unless {@code slf4j.internal.verbosity}
     * says otherwise; its errors still show.
     */
    public static void whenAsked() {
        boolean deferred = System.getProperty(PROVIDER_PROPERTY) == null;
        if (deferred) {
            System.setProperty(PROVIDER_PROPERTY, DeferredLogbackProvider.class.getName());
            if (System.getProperty(VERBOSITY_PROPERTY) == null) {
                System.setProperty(VERBOSITY_PROPERTY, "ERROR");
            }
        }
        Thread thread = new Thread(LoggerFactory::getILoggerFactory, "mailbench-logging-start");
        thread.setDaemon(true);
        DeferredLogbackProvider.holdOn(thread);
        starting = thread;
        thread.start();
        Runtime.getRuntime().addShutdownHook(new Thread(LoggingStart::writeWhatWaits, "mailbench-logging-flush"));
        if (deferred) {
            // a logger asked for on another thread before this one holds SLF4J's start would start Logback there
            DeferredLogbackProvider.awaitHolding(5);
        }
    }

    /** Starts logging now if {@link #whenAsked()} held it back, without waiting for it to be ready. */
    public static void now() {
        DeferredLogbackProvider.ask();
    }

    /** Starts logging if it was held back, and waits until it is ready and has written what it was given. */
    static void await() {
        now();
        Thread thread = starting;
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(DeferredLogbackProvider.LATEST_START_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * At exit: starts logging to write what was logged while it was held back, if anything was (SLF4J's
     * substitutes hold it); a process that logged nothing (mailbench --version) does not start Logback to exit.
     */
    private static void writeWhatWaits() {
        if (DeferredLogbackProvider.asked() || !(LoggerFactory.getILoggerFactory() instanceof SubstituteLoggerFactory held)
                || !held.getEventQueue().isEmpty()) {
            await();
        }
    }

    /**
     * Logs an exception that ends a thread (under {@link AppLogging}'s name), instead of the JVM's bare stack
     * trace on standard error; JavaFX hands the exceptions of event handlers to the same handler. A failure
     * before logging started starts it; the entry is written at the latest when the JVM exits.
     */
    public static void logUncaughtExceptions() {
        // the logger is looked up when needed, so that installing the handler does not start logging here
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            now();
            LoggerFactory.getLogger(AppLogging.class).error("Uncaught exception in thread {}", thread.getName(), failure);
        });
    }
}
