package dev.mailbench.app.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * What the application adds to the logging configuration ({@code logback.xml}) at run time: the console for
 * {@code mailbench serve}, and the marker of what a command has told in its own words. When logging starts,
 * and the log entry for any exception no code caught: {@link LoggingStart}.
 */
public final class AppLogging {

    /**
     * Marks an entry whose news the user has already been given in words on the terminal (a command's own
     * error message): it goes to the log file, and the console added for serve leaves it out.
     */
    public static final Marker TOLD_ON_TERMINAL = MarkerFactory.getMarker("TOLD_ON_TERMINAL");

    static final String CONSOLE = "CONSOLE";

    private AppLogging() {
    }

    /**
     * Also logs to standard error, for a headless server whose operator watches the terminal; standard
     * output stays for what scripts read. Nothing changes when the configuration already logs to a
     * console (a test's, or the user's own), or when the logging implementation is not Logback.
     */
    public static void alsoToConsole() {
        LoggingStart.await();
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        synchronized (AppLogging.class) {
            for (var appenders = root.iteratorForAppenders(); appenders.hasNext(); ) {
                Appender<ILoggingEvent> appender = appenders.next();
                if (appender instanceof ConsoleAppender) {
                    return;
                }
            }
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{HH:mm:ss} %-5level %logger{0}: %msg%n%ex{short}");
            encoder.start();
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setName(CONSOLE);
            console.setTarget("System.err");
            console.setEncoder(encoder);
            console.addFilter(new NotToldOnTerminal());
            console.start();
            root.addAppender(console);
        }
    }

    /** Leaves out of the console what the user has been told already ({@link #TOLD_ON_TERMINAL}). */
    static final class NotToldOnTerminal extends Filter<ILoggingEvent> {
        @Override
        public FilterReply decide(ILoggingEvent event) {
            return event.getMarkerList() != null && event.getMarkerList().contains(TOLD_ON_TERMINAL)
                    ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
