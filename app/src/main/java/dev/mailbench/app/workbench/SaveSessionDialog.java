package dev.mailbench.app.workbench;

import java.util.Optional;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * File ▸ Save Session asks whether the file keeps the passwords: by default it does not (they are masked, as a
 * handout or a bug report wants them); ticking the box says, in a warning, what keeping them means.
 */
public final class SaveSessionDialog {

    /** The button that goes on to choose the file. */
    public static final ButtonType SAVE = new ButtonType("Save…", ButtonBar.ButtonData.OK_DONE);

    private SaveSessionDialog() {
    }

    /** Whether to keep the passwords; empty when the user cancels. */
    public static Optional<Boolean> ask(Window owner) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Save Session");
        dialog.setHeaderText("Save the session, every line of it, to reopen or hand out later.");
        CheckBox keep = new CheckBox("Keep passwords in the file");
        keep.setId("keep-passwords");
        Label warning = new Label("Anyone who reads the file can then log in as you: the passwords are in it as they"
                + " were sent (base64 is not encryption). Leave the box clear to save them masked.");
        warning.setId("keep-passwords-warning");
        warning.getStyleClass().add("keep-passwords-warning");
        warning.setWrapText(true);
        warning.setPrefWidth(420);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        // its room is kept while it is hidden: a dialog's window keeps the size it opened with
        warning.visibleProperty().bind(keep.selectedProperty());
        Label masked = new Label("The passwords are saved masked (PASS ••••••), as a handout or a bug report"
                + " wants them.");
        masked.setId("keep-passwords-masked");
        masked.setWrapText(true);
        masked.setPrefWidth(420);
        masked.visibleProperty().bind(keep.selectedProperty().not());
        StackPane said = new StackPane(masked, warning);
        StackPane.setAlignment(masked, Pos.TOP_LEFT);
        StackPane.setAlignment(warning, Pos.TOP_LEFT);
        dialog.getDialogPane().setContent(new VBox(8, keep, said));
        dialog.getDialogPane().setId("save-session-dialog");
        dialog.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        dialog.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setResultConverter(button -> button == SAVE ? keep.isSelected() : null);
        return dialog.showAndWait();
    }
}
