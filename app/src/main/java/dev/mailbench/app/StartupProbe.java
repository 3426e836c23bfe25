package dev.mailbench.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Measures launch-to-first-window time for the performance figures: with the environment variable
 * {@code MAILBENCH_STARTUP_PROBE=1}, the app prints the time from process start to the first frame of its
 * window and the processor time spent by then (all threads; steadier than the first figure when other work
 * shares the machine), then quits. Without it, nothing happens.
 */
final class StartupProbe {
    static final String VARIABLE = "MAILBENCH_STARTUP_PROBE";

    private StartupProbe() {
    }

    static void attach(Stage stage) {
        if (!"1".equals(System.getenv(VARIABLE))) {
            return;
        }
        Optional<Instant> started = ProcessHandle.current().info().startInstant();
        FirstFrame.then(stage.getScene(), () -> {
            long millis = started.map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
            long processor = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            System.out.println("first window shown " + millis + " ms after process start (" + processor
                    + " ms of processor time)");
            System.out.flush();
            Platform.exit();
        });
    }
}
