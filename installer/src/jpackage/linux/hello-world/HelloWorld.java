import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The yardstick for Mailbench's start-up figures: a JavaFX window with a label and a button, packaged by the
 * installer build on the same runtime with the same class-data treatment, and measured by the same probe as
 * Mailbench's (with {@code MAILBENCH_STARTUP_PROBE=1}: the time from process start to the first frame drawn,
 * printed, then exit). It is built and measured only; it is not part of the package.
 */
public final class HelloWorld {

    private HelloWorld() {
    }

    public static void main(String[] args) {
        // like Mailbench's Launcher, the main class is not the Application (a class-path launch)
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Label label = new Label("Hello, world");
            Button button = new Button("Close");
            button.setOnAction(event -> Platform.exit());
            Scene scene = new Scene(new VBox(12, label, button), 1200, 800);
            stage.setTitle("Hello, world");
            stage.setScene(scene);
            stage.show();
            if ("1".equals(System.getenv("MAILBENCH_STARTUP_PROBE"))) {
                Optional<Instant> started = ProcessHandle.current().info().startInstant();
                // as Mailbench's FirstFrame: after the first pulse's layout the pulse draws the frame, and
                // a runLater posted then runs once it has
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    Platform.runLater(() -> {
                        long millis = started.map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
                        long processor = ProcessHandle.current().info().totalCpuDuration()
                                .map(Duration::toMillis).orElse(-1L);
                        System.out.println("first window shown " + millis + " ms after process start ("
                                + processor + " ms of processor time)");
                        System.out.flush();
                        // as Mailbench's probe: ends where it measured, so its class data holds that start only
                        System.exit(0);
                    });
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        }
    }
}
