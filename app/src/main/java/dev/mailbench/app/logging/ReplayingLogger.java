package dev.mailbench.app.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventAware;

import ch.qos.logback.classic.Logger;

/**
 * The Logback logger behind a logger SLF4J handed out before Logback was ready (a substitute): it writes the
 * calls the substitute recorded with the time and the thread they were made on, not the time and thread of
 * their replay, and hands on every later call as it comes. Public, as SLF4J replays through reflection.
 */
public final class ReplayingLogger extends LegacyAbstractLogger implements LoggingEventAware {

    private static final long serialVersionUID = 1L;
    private static final String FQCN = ReplayingLogger.class.getName();

    private final transient Logger logback;

    ReplayingLogger(Logger logback) {
        this.logback = logback;
        this.name = logback.getName();
    }

    /** A recorded call, replayed. */
    @Override
    public void log(LoggingEvent event) {
        ReplayedEvent.append(logback, FQCN, event.getLevel().toInt(), event.getMessage(), event.getArgumentArray(),
                event.getThrowable(), event.getMarkers(), event.getTimeStamp(), event.getThreadName());
    }

    @Override
    public boolean isTraceEnabled() {
        return logback.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return logback.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return logback.isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return logback.isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return logback.isErrorEnabled();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return FQCN;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                                               Throwable throwable) {
        ((LocationAwareLogger) logback).log(marker, FQCN, level.toInt(), message, arguments, throwable);
    }
}
