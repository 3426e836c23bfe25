package dev.mailbench.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;

class AppLoggingTest {

    @Test
    void anExceptionNoCodeCaughtIsLoggedAsAnErrorWithTheThreadItEnded() {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        try (CapturedLog log = CapturedLog.of(AppLogging.class)) {
            LoggingStart.logUncaughtExceptions();
            Thread worker = new Thread(() -> { }, "mailbench-task-7");
            Thread.getDefaultUncaughtExceptionHandler()
                    .uncaughtException(worker, new IllegalStateException("no reply parser for 220"));

            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(event.getFormattedMessage()).contains("mailbench-task-7");
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("no reply parser for 220");
            });
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void theConsoleIsNotAddedTwiceWhenTheConfigurationAlreadyLogsThere() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> before = appenders(root);

        AppLogging.alsoToConsole();
        AppLogging.alsoToConsole();

        // logback-test.xml logs to the console already, as a user's own configuration may
        assertThat(appenders(root)).isEqualTo(before);
    }

    private static List<Appender<ILoggingEvent>> appenders(Logger logger) {
        List<Appender<ILoggingEvent>> all = new ArrayList<>();
        logger.iteratorForAppenders().forEachRemaining(all::add);
        return all;
    }

    @Test
    void theServeConsoleLeavesOutWhatTheCommandHasToldInItsOwnWords() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("dev.mailbench.app.cli.ServeCommand");
        LoggingEvent told = new LoggingEvent(null, logger, Level.ERROR, "The practice server cannot start", null, null);
        told.addMarker(AppLogging.TOLD_ON_TERMINAL);
        LoggingEvent news = new LoggingEvent(null, logger, Level.WARN, "Cannot remove message 3", null, null);

        AppLogging.NotToldOnTerminal filter = new AppLogging.NotToldOnTerminal();

        assertThat(filter.decide(told)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(news)).isEqualTo(FilterReply.NEUTRAL);
    }
}
