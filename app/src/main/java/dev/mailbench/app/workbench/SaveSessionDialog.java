package dev.mailbench.app.workbench;

import java.util.Optional;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
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
        warning.setMaxWidth(420);
        warning.visibleProperty().bind(keep.selectedProperty());
        warning.managedProperty().bind(warning.visibleProperty());
        dialog.getDialogPane().setContent(new VBox(8, keep, warning));
        dialog.getDialogPane().setId("save-session-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setResultConverter(button -> button == SAVE ? keep.isSelected() : null);
        return dialog.showAndWait();
    }
}
