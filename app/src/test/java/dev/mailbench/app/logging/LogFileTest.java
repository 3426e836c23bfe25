package dev.mailbench.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mailbench.app.config.StateDirectory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;

/**
 * The application's own logging configuration ({@code logback.xml}, which tests otherwise do not use),
 * loaded into a context of the test's own with the state directory pointed at a temporary directory.
 */
class LogFileTest {

    @Test
    void aLoggedFailureIsWrittenWithItsStackTraceToMailbenchLogInTheStateDirectory(@TempDir Path state)
            throws JoranException, IOException {
        LoggerContext context = configuredWithStateDirectory(state);
        try {
            context.getLogger("dev.mailbench.store.Delivery")
                    .warn("A message could not be delivered", new IOException("No space left on device"));
        } finally {
            context.stop();
        }

        String log = Files.readString(state.resolve("mailbench.log"));
        assertThat(log).contains("WARN", "dev.mailbench.store.Delivery - A message could not be delivered",
                "java.io.IOException: No space left on device", "at " + LogFileTest.class.getName());
    }

    @Test
    void theFileKeepsInfoAndAboveOnly(@TempDir Path state) throws JoranException, IOException {
        LoggerContext context = configuredWithStateDirectory(state);
        try {
            context.getLogger(LogFileTest.class).debug("the details of every line");
            context.getLogger(LogFileTest.class).info("Practice server started");
        } finally {
            context.stop();
        }

        assertThat(Files.readString(state.resolve("mailbench.log")))
                .contains("Practice server started")
                .doesNotContain("the details of every line");
    }

    private static LoggerContext configuredWithStateDirectory(Path state) throws JoranException {
        URL configuration = AppLogging.class.getResource("/logback.xml");
        assertThat(configuration).as("logback.xml on the class path").isNotNull();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        context.putProperty(StateDirectory.OVERRIDE, state.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(configuration);
        return context;
    }
}
