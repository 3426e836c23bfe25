package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.mailbench.app.dialog.FileChoosers;
import dev.mailbench.app.task.FxTaskExecutor;
import dev.mailbench.app.theme.Theme;
import dev.mailbench.app.theme.ThemeManager;
import dev.mailbench.app.workbench.WindowDriver;
import dev.mailbench.mime.PartNode;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.stage.Stage;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A 30 MB message file in the viewer: the UI thread answers while it is read, the raw source holds a
 * bounded window, and clicking the attachment at the far end moves the window there, highlighted.
 */
class MimeViewerLargeMessageTest {

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeStage() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aThirtyMegabyteMessageOpensWithoutHoldingTheUiThread() throws Exception {
        Path file = temp.resolve("large.eml");
        LargeMessages.write(file, 28 * 1024 * 1024);
        long size = Files.size(file);
        assertThat(size).isGreaterThan(30_000_000L);

        FileChoosers none = FileChoosers.cancelling();
        AtomicReference<MimeViewerViewModel> viewer = new AtomicReference<>();
        AtomicBoolean answeredWhileReading = new AtomicBoolean();
        WaitForAsyncUtils.asyncFx(() -> {
            FxTaskExecutor executor = new FxTaskExecutor();
            MimeViewerViewModel viewModel = new MimeViewerViewModel(executor);
            viewer.set(viewModel);
            stage = new Stage();
            Scene scene = new Scene(new MimeViewerView(viewModel, executor, none), 1100, 700);
            new ThemeManager(Theme.LIGHT).attach(scene);
            stage.setScene(scene);
            stage.show();
            viewModel.open(file);
            // something else the UI thread has to do while the message is being read
            Platform.runLater(() -> answeredWhileReading.set(viewModel.loadingProperty().get()));
        }).get(30, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> viewer.get().analysisProperty().get() != null
                && raw().getLength() > 0));
        assertThat(answeredWhileReading.get()).as("the UI thread answered while the message was being read").isTrue();
        assertThat(onFx(() -> raw().getLength())).as("only a window of the source is laid out")
                .isLessThanOrEqualTo(MimeViewerViewModel.WINDOW_BYTES);
        assertThat(onFx(() -> robot.lookup("#mime-raw-heading").queryAs(Label.class).getText()))
                .isEqualTo(String.format(Locale.ROOT, "Raw source: bytes 0 to %,d of %,d, around the selected part",
                        MimeViewerViewModel.WINDOW_BYTES, size));

        PartNode attachment = viewer.get().analysisProperty().get().part(LargeMessages.ATTACHMENT_PATH).orElseThrow();
        // the tree's cells are made at the next layout, after the analysis has come: waited for, not assumed
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> attachmentCell().isPresent()));
        robot.clickOn(WindowDriver.pointOf(robot, onFx(() -> attachmentCell().orElseThrow())));

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> {
            RawSourceText shown = viewer.get().rawTextProperty().get();
            return shown.bytes().contains(attachment.range().start()) && raw().getLength() == shown.text().length()
                    && raw().getStyleAtPosition(shown.charOffset(attachment.range().start()) + 1)
                    .contains(RawSourceText.SELECTED_PART);
        }));
        String heading = onFx(() -> robot.lookup("#mime-raw-heading").queryAs(Label.class).getText());
        assertThat(heading).startsWith("Raw source: bytes ").endsWith(String.format(Locale.ROOT,
                " of %,d, around the selected part", size)).doesNotContain("bytes 0 to");
        int start = onFx(() -> viewer.get().selectionStartInRaw());
        assertThat(onFx(() -> raw().getText().substring(start))).startsWith("Content-Type: application/octet-stream");
        assertThat(onFx(() -> raw().getStyleAtPosition(Math.max(0, start - 1))))
                .as("the text before the part is not highlighted").doesNotContain(RawSourceText.SELECTED_PART);
    }

    /** The tree's row for the attachment, once the tree shows it. UI thread. */
    private Optional<TreeCell<?>> attachmentCell() {
        return robot.lookup("#mime-tree .tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(c -> c.getText() != null && c.getText().startsWith("3  application/octet-stream"))
                .<TreeCell<?>>map(c -> c).findFirst();
    }

    private StyleClassedTextArea raw() {
        return robot.lookup("#mime-raw").queryAs(StyleClassedTextArea.class);
    }

    private static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }
}
