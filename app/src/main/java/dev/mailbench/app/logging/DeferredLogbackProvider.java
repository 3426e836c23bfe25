package dev.mailbench.app.logging;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;

/**
 * Logback, started when the application asks for it rather than when the first logger is asked for: the
 * provider {@link LoggingStart#whenAsked()} names to SLF4J ({@code slf4j.provider}). Its initialisation
 * runs on the thread that holds SLF4J's own, and waits there for {@link LoggingStart#now()}; until then
 * SLF4J hands out substitute loggers that record every call and replay them, in order, to the real loggers
 * once Logback has read its configuration (SLF4J's "replay", https://www.slf4j.org/codes.html#replay), each with
 * the time and thread it was made on ({@link ReplayingLogger}).
 * On any other thread it starts Logback at once.
 */
public final class DeferredLogbackProvider implements SLF4JServiceProvider {

    /** At the latest, logging starts this long after the process asked for it, window or not. */
    static final long LATEST_START_SECONDS = 30;

    private static final CountDownLatch ENTERED = new CountDownLatch(1);
    private static final CountDownLatch ASKED = new CountDownLatch(1);
    private static volatile Thread holder;

    private final LogbackServiceProvider logback = new LogbackServiceProvider();

    /** SLF4J makes the provider through its public constructor. */
    public DeferredLogbackProvider() {
    }

    /** Names the thread whose call of SLF4J's initialisation waits to be asked. */
    static void holdOn(Thread thread) {
        holder = thread;
    }

    /** True once the holder waits inside SLF4J's initialisation, at most {@code seconds} from now. */
    static boolean awaitHolding(long seconds) {
        try {
            return ENTERED.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void ask() {
        ASKED.countDown();
    }

    static boolean asked() {
        return ASKED.getCount() == 0;
    }

    @Override
    public void initialize() {
        if (Thread.currentThread() == holder) {
            ENTERED.countDown();
            try {
                ASKED.await(LATEST_START_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        logback.initialize();
    }

    /**
     * Logback's loggers; on the holder, which goes on to give SLF4J's substitutes their real loggers and replay
     * what they recorded, loggers that write each recorded call with its own time and thread.
     */
    @Override
    public ILoggerFactory getLoggerFactory() {
        ILoggerFactory loggers = logback.getLoggerFactory();
        if (Thread.currentThread() == holder && loggers instanceof LoggerContext context) {
            return name -> new ReplayingLogger(context.getLogger(name));
        }
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return logback.getMarkerFactory();
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return logback.getMDCAdapter();
    }

    @Override
    public String getRequestedApiVersion() {
        return logback.getRequestedApiVersion();
    }
}
