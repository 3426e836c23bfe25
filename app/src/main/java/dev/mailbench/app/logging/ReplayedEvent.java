package dev.mailbench.app.logging;

import java.util.List;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;

/** A call recorded before Logback was ready, written as it was made: its level, time and thread. */
final class ReplayedEvent {

    private ReplayedEvent() {
    }

    /**
     * Hands the call to {@code logger}'s appenders if its level is enabled there.
     *
     * @param level SLF4J's number of the level ({@code org.slf4j.event.Level#toInt})
     */
    static void append(Logger logger, String fqcn, int level, String message, Object[] arguments, Throwable throwable,
                       List<Marker> markers, long timeStamp, String threadName) {
        Level logbackLevel = Level.fromLocationAwareLoggerInteger(level);
        if (!logger.isEnabledFor(logbackLevel)) {
            return;
        }
        LoggingEvent event = new LoggingEvent(fqcn, logger, logbackLevel, message, throwable, arguments);
        event.setTimeStamp(timeStamp);
        if (threadName != null) {
            event.setThreadName(threadName);
        }
        if (markers != null) {
            markers.forEach(event::addMarker);
        }
        logger.callAppenders(event);
    }
}
