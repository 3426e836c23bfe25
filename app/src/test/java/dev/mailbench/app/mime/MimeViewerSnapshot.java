package dev.mailbench.app.mime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;


import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.app.workbench.Snapshots;
import dev.mailbench.app.workbench.WindowDriver;
import dev.mailbench.mime.SampleMessages;

import javafx.scene.control.TreeCell;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures of the viewer in every theme, for a person to look at; not part of the build (the name does not
 * end in Test). Run with {@code ./mvnw -B -pl app -am verify -Dtest=MimeViewerSnapshot
 * -Dsurefire.failIfNoSpecifiedTests=false}; the PNGs land in {@code app/target/snapshots/}. Properties:
 * {@code snapshot.sample} (a sample's file name), {@code snapshot.part} (the start of a tree label),
 * {@code snapshot.problem} (text of a problem to click), {@code snapshot.body}, {@code snapshot.marks},
 * {@code snapshot.dkimKeys} (a sample key file to paste in the Authentication section, e.g.
 * {@code signed-dkim-arc.zone}), {@code snapshot.size} (the window's size, e.g. {@code 1024x768}).
 */
class MimeViewerSnapshot {

    @TempDir
    Path temp;

    @Test
    void everyTheme() throws Exception {
        Path out = Path.of("target", "snapshots");
        Files.createDirectories(out);
        String sample = System.getProperty("snapshot.sample", "mixed-attachments.eml");
        String part = System.getProperty("snapshot.part", "1.2  ");
        Path file = temp.resolve(sample);
        Files.write(file, SampleMessages.get(sample).bytes());
        try (WindowDriver window = new WindowDriver(temp.resolve("config"), Optional.empty())) {
            window.openMessageFromTheMenu(file);
            window.await(() -> window.robot().lookup("#mime-tree .tree-cell").queryAllAs(TreeCell.class).stream()
                    .anyMatch(c -> c.getText() != null && c.getText().startsWith(part)), "the tree");
            TreeCell<?> cell = WindowDriver.onFx(() -> window.robot().lookup("#mime-tree .tree-cell")
                    .queryAllAs(TreeCell.class).stream()
                    .filter(c -> c.getText() != null && c.getText().startsWith(part)).findFirst().orElseThrow());
            window.click(cell);
            if (Boolean.getBoolean("snapshot.body")) {
                window.click("#mime-body-tab");
            }
            String problem = System.getProperty("snapshot.problem");
            if (problem != null) {
                javafx.scene.control.ListCell<?> found = WindowDriver.onFx(() -> window.robot()
                        .lookup("#mime-problems .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                        .filter(c -> c.getItem() != null && c.getItem().toString().contains(problem)).findFirst()
                        .orElseThrow());
                window.click(found);
            }
            String keys = System.getProperty("snapshot.dkimKeys");
            if (keys != null) {
                // the Authentication section with a pasted key record (a .zone sample) and a signature's bytes marked
                String record = new String(SampleMessages.class.getResourceAsStream("/dev/mailbench/samples/" + keys)
                        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                WindowDriver.onFx(() -> {
                    window.<javafx.scene.control.TabPane>node("#mime-lower-tabs").getSelectionModel().select(1);
                    window.<javafx.scene.control.TextArea>node("#auth-pasted-key").setText(record);
                    javafx.scene.control.SplitPane left = (javafx.scene.control.SplitPane)
                            window.robot().lookup("#mime-columns").queryAs(javafx.scene.control.SplitPane.class)
                                    .getItems().get(0);
                    left.setDividerPositions(0.2);
                    return null;
                });
                window.click("#auth-check");
                window.await(() -> "signature pass".equals(window.text("#auth-dkim-1-signature")), "the check");
                window.click("#auth-dkim-1");
            }
            if (Boolean.getBoolean("snapshot.marks")) {
                window.click("#mime-show-marks");
            }
            javafx.scene.Scene scene = WindowDriver.onFx(() -> window.robot().lookup("#main-layout").query().getScene());
            String size = System.getProperty("snapshot.size");
            if (size != null) {
                String[] wh = size.split("x");
                WindowDriver.onFx(() -> {
                    scene.getWindow().setWidth(Double.parseDouble(wh[0]));
                    scene.getWindow().setHeight(Double.parseDouble(wh[1]));
                    return null;
                });
            }
            for (String theme : new String[] {"light", "dark", "projector"}) {
                WindowDriver.onFx(() -> {
                    new ThemeManager(Theme.fromId(theme)).attach(scene);
                    return null;
                });
                Thread.sleep(800);
                WritableImage image = WindowDriver.onFx(() -> scene.snapshot(null));
                Snapshots.writePng(image, out.resolve("mime-" + theme + "-" + sample.replace(".eml", "") + ".png"));
            }
        }
    }
}
