package dev.mailbench.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.mailbench.app.session.SessionViewModel;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.stage.Stage;

/**
 * Measures a start for the performance figures, with the environment variable {@code MAILBENCH_STARTUP_PROBE}:
 * <ul>
 *   <li>{@code 1}: prints the time from process start to the first frame of the window and the processor time
 *   spent by then (all threads; steadier than the first figure when other work shares the machine), then ends
 *   the program at once;</li>
 *   <li>{@code ready}: prints the same line, then the same two figures once the first session tab has connected,
 *   read the greeting and been drawn (the moment a user can type), then ends the program.</li>
 * </ul>
 * The program ends with {@link System#exit} where it measured, not with {@link Platform#exit}: that would first
 * run the work already queued behind the frame (the practice server's start, logging), so the run that trains
 * the installer's class data would hold more than the start it measured. Without the variable, nothing happens.
 */
final class StartupProbe {
    static final String VARIABLE = "MAILBENCH_STARTUP_PROBE";

    private StartupProbe() {
    }

    /** Attaches the probe the variable asks for, if any, to the window and its session tabs. */
    static void attach(Stage stage, ObservableList<SessionViewModel> sessions) {
        String mode = System.getenv(VARIABLE);
        if (!"1".equals(mode) && !"ready".equals(mode)) {
            return;
        }
        boolean untilReady = "ready".equals(mode);
        FirstFrame.then(stage.getScene(), () -> {
            print("first window shown");
            if (!untilReady) {
                System.exit(0);
            }
        });
        if (untilReady) {
            whenFirstConnected(sessions, () -> FirstFrame.then(stage.getScene(), () -> {
                print("first session ready");
                System.exit(0);
            }));
        }
    }

    private static void whenFirstConnected(ObservableList<SessionViewModel> sessions, Runnable action) {
        sessions.addListener(new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends SessionViewModel> change) {
                while (change.next()) {
                    for (SessionViewModel session : change.getAddedSubList()) {
                        sessions.removeListener(this);
                        // connected is set as the connect starts; ready once its greeting is read (busy ends)
                        session.busyProperty().addListener(new ChangeListener<>() {
                            @Override
                            public void changed(ObservableValue<? extends Boolean> observable, Boolean old,
                                                Boolean now) {
                                if (!now && session.connectedProperty().get()) {
                                    observable.removeListener(this);
                                    action.run();
                                }
                            }
                        });
                        return;
                    }
                }
            }
        });
    }

    private static void print(String what) {
        Optional<Instant> started = ProcessHandle.current().info().startInstant();
        long millis = started.map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        long processor = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        System.out.println(what + " " + millis + " ms after process start (" + processor
                + " ms of processor time)");
        System.out.flush();
    }
}
