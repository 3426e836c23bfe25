package dev.mailbench.app.workbench;

import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.server.practice.DataDirectory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures of a diagnosis tab of the practice server at 1024×768 in every theme, its session saved with Save
 * Session…, for a person to look at; not part of the build (the name does not end in Test). Run with
 * {@code ./mvnw -B -pl app -am test -Dtest=DiagnoseSnapshot -Dsurefire.failIfNoSpecifiedTests=false}; the PNGs
 * land in {@code app/target/snapshots/}.
 */
class DiagnoseSnapshot {

    @TempDir
    Path temp;

    @Test
    void everyTheme() throws Exception {
        Path out = Path.of("target", "snapshots");
        Files.createDirectories(out);
        try (WindowDriver window = new WindowDriver(temp.resolve("config"), Optional.empty(),
                Optional.of(() -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0)))) {
            window.await(() -> window.shown("#session-state"), "the session tab");
            window.clickMenu("View", "Practice Server Panel"); // the room goes to the report
            Scene scene = WindowDriver.onFx(() -> window.robot().lookup("#main-layout").query().getScene());
            WindowDriver.onFx(() -> {
                Stage stage = (Stage) scene.getWindow();
                stage.setWidth(1024);
                stage.setHeight(768);
                return null;
            });
            window.clickMenu("File", "Diagnose Server…");
            window.await(() -> window.text("#diagnosis-status").contains("pass"), "the diagnosis to finish");
            window.answerSaveWith(temp.resolve("diagnosis.mbsession"));
            window.click("#diagnosis-save-session");
            window.await(() -> window.text("#diagnosis-status").contains("session saved as diagnosis.mbsession"),
                    "the session saved");
            for (String theme : new String[] {"light", "dark", "projector"}) {
                WindowDriver.onFx(() -> {
                    new ThemeManager(Theme.fromId(theme)).attach(scene);
                    return null;
                });
                Thread.sleep(800);
                write(WindowDriver.onFx(() -> scene.snapshot(null)), out.resolve("diagnose-save-" + theme + ".png"));
            }
        }
    }

    private static void write(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                picture.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(picture, "png", file.toFile());
    }
}
