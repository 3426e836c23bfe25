package dev.mailbench.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.mailbench.app.config.StateDirectory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;

/**
 * Logging held back until the window's first frame, in a JVM of its own as the launcher starts it (SLF4J starts
 * once per JVM), with the application's own {@code logback.xml} writing into a temporary state directory.
 */
class LoggingStartTest {

    @Test
    void aLineLoggedBeforeLoggingStartsIsWrittenOnceItStarts(@TempDir Path state) throws Exception {
        Run run = launch(state, "line");

        assertThat(run.exitCode()).as(run.output()).isZero();
        // Logback had not started when the line was logged, and had once asked; the line then reached the file
        assertThat(run.output()).containsSubsequence("Logback started before asked: false",
                "Logback started once asked: true");
        assertThat(Files.readString(state.resolve("mailbench.log")))
                .contains("INFO  [main] dev.mailbench.Window - Logged before the first frame");
    }

    @Test
    void aFailureBeforeLoggingStartsIsWrittenBeforeTheProcessEnds(@TempDir Path state) throws Exception {
        Run run = launch(state, "failure");

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(Files.readString(state.resolve("mailbench.log")))
                .contains("ERROR", "Uncaught exception in thread main",
                        "java.lang.IllegalStateException: the window could not be built");
    }

    private record Run(int exitCode, String output) {
    }

    private static Run launch(Path state, String mode) throws IOException, InterruptedException, URISyntaxException {
        Path configuration = Path.of(AppLogging.class.getResource("/logback.xml").toURI());
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + configuration,
                "-D" + StateDirectory.OVERRIDE + "=" + state,
                Child.class.getName(), mode))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    /** The launcher's part: logging held back, a line or a failure before the "first frame", then the start. */
    public static final class Child {
        public static void main(String[] args) {
            LoggingStart.whenAsked();
            LoggingStart.logUncaughtExceptions();
            if (args[0].equals("failure")) {
                throw new IllegalStateException("the window could not be built");
            }
            LoggerFactory.getLogger("dev.mailbench.Window").info("Logged before the first frame");
            System.out.println("Logback started before asked: " + (LoggerFactory.getILoggerFactory() instanceof LoggerContext));
            LoggingStart.now();
            LoggingStart.await();
            System.out.println("Logback started once asked: " + (LoggerFactory.getILoggerFactory() instanceof LoggerContext));
        }
    }
}
