package dev.mailbench.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.mailbench.app.logging.CapturedLog;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;

class BackgroundTaskTest {

    private final TaskExecutor executor = new CurrentThreadTaskExecutor();

    @Test
    void aFailureNobodyHandlesIsLoggedAsAWarningWithItsException() {
        List<String> finished = new ArrayList<>();
        try (CapturedLog log = CapturedLog.of(BackgroundTask.class)) {
            executor.execute(BackgroundTask.run(() -> {
                throw new IOException("connection refused");
            }).onFinished(() -> finished.add("finished")));

            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IOException.class.getName());
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("connection refused");
            });
        }
        assertThat(finished).containsExactly("finished");
    }

    @Test
    void aHandledFailureGoesToItsActionAndIsLoggedOnlyForDebugging() {
        List<Exception> handled = new ArrayList<>();
        IOException refused = new IOException("connection refused");
        try (CapturedLog log = CapturedLog.of(BackgroundTask.class)) {
            executor.execute(BackgroundTask.run(() -> {
                throw refused;
            }).onFailure(handled::add));

            assertThat(handled).containsExactly(refused);
            assertThat(log.events()).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG);
            assertThat(log.events().get(0).getThrowableProxy().getMessage()).isEqualTo("connection refused");
        }
    }

    @Test
    void successLogsNothing() {
        List<String> results = new ArrayList<>();
        try (CapturedLog log = CapturedLog.of(BackgroundTask.class)) {
            executor.execute(BackgroundTask.of(() -> "250 OK").onSuccess(results::add));

            assertThat(results).containsExactly("250 OK");
            assertThat(log.events()).isEmpty();
        }
    }
}
