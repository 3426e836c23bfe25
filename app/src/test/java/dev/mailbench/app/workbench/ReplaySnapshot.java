package dev.mailbench.app.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.server.practice.DataDirectory;

import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures of a replay tab at 1024×768 in every theme, for a person to look at and for the README; not part of the
 * build (the name does not end in Test). Run with {@code ./mvnw -B -pl app -am test -Dtest=ReplaySnapshot
 * -Dsurefire.failIfNoSpecifiedTests=false}; the PNGs land in {@code app/target/snapshots/}.
 */
class ReplaySnapshot {

    @TempDir
    Path temp;

    @Test
    void everyTheme() throws Exception {
        Path out = Path.of("target", "snapshots");
        Files.createDirectories(out);
        try (WindowDriver window = new WindowDriver(temp.resolve("config"), Optional.empty(),
                Optional.of(() -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0)))) {
            ReplayWindowTest.replayASavedSession(window, temp);
            window.clickMenu("View", "Practice Server Panel"); // the room goes to the replies
            Scene scene = WindowDriver.onFx(() -> window.robot().lookup("#main-layout").query().getScene());
            WindowDriver.onFx(() -> {
                Stage stage = (Stage) scene.getWindow();
                stage.setWidth(1024);
                stage.setHeight(768);
                return null;
            });
            for (String theme : new String[] {"light", "dark", "projector"}) {
                WindowDriver.onFx(() -> {
                    new ThemeManager(Theme.fromId(theme)).attach(scene);
                    return null;
                });
                Thread.sleep(800);
                WritableImage image = WindowDriver.onFx(() -> scene.snapshot(null));
                Snapshots.writePng(image, out.resolve("replay-" + theme + ".png"));
            }
            // the live tab, its Replay against… button among the check boxes
            WindowDriver.onFx(() -> {
                ((TabPane) window.node("#session-tabs")).getSelectionModel().select(0);
                return null;
            });
            Thread.sleep(800);
            Snapshots.writePng(WindowDriver.onFx(() -> scene.snapshot(null)), out.resolve("replay-button-live.png"));
        }
    }
}
