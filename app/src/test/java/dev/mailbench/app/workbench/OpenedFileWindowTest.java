package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.mailbench.app.practice.PracticeServerSource;
import dev.mailbench.mime.SampleMessages;
import dev.mailbench.server.practice.DataDirectory;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window opened on a message file, as the desktop's double click opens it (mailbench FILE.eml): the message is
 * what the user sees once the practice server runs, not a session tab of its own opened over it.
 */
class OpenedFileWindowTest {

    @TempDir
    Path temp;

    @Test
    void aMessageOpenedAtStartStaysInFrontOnceThePracticeServerRuns() throws Exception {
        Path message = temp.resolve("plain-text.eml");
        Files.write(message, SampleMessages.get("plain-text.eml").bytes());
        PracticeServerSource onFreePorts = () -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig()
                .withPorts(0, 0);
        try (WindowDriver window = new WindowDriver(temp.resolve("config"), Optional.empty(), Optional.of(onFreePorts),
                Optional.empty(), Optional.of(message))) {
            window.await(() -> window.text("#practice-summary").startsWith("Running"), "the practice server running");
            WindowDriver.onFx(() -> null);   // what its start queued (the first tab, if any) has run

            List<Tab> tabs = WindowDriver.onFx(() -> List.copyOf(window.<TabPane>node("#session-tabs").getTabs()));
            assertThat(tabs).singleElement().satisfies(tab -> assertThat(tab.getStyleClass()).contains("message-tab"));
            assertThat(WindowDriver.onFx(() -> window.<TabPane>node("#session-tabs").getSelectionModel()
                    .getSelectedItem().getText())).isEqualTo("plain-text.eml");
        }
    }
}
