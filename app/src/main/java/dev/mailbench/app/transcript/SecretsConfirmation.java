package dev.mailbench.app.transcript;

import java.util.List;

import dev.mailbench.explain.EventText;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * "Reveal passwords" is for the screen. Before passwords go into a file or onto the clipboard, the user is
 * asked, each time; the default answer keeps them masked.
 */
public final class SecretsConfirmation {

    /** The button that writes the passwords as they are. */
    public static final ButtonType INCLUDE = new ButtonType("Include passwords", ButtonBar.ButtonData.OTHER);
    /** The default button, also the answer of Escape and of closing the dialog: passwords stay masked. */
    public static final ButtonType KEEP_MASKED = new ButtonType("Keep masked", ButtonBar.ButtonData.CANCEL_CLOSE);

    private SecretsConfirmation() {
    }

    /** Whether any of these lines carries a password or other secret. */
    public static boolean anySecret(List<TranscriptEntry> entries) {
        return entries.stream().anyMatch(entry -> EventText.isSecret(entry.event()));
    }

    /**
     * Whether the passwords may go {@code where} ("into the file", "onto the clipboard"): asks only when they are
     * revealed on screen and the lines hold some; otherwise they stay masked without asking.
     */
    public static boolean includeSecrets(Window owner, TranscriptViewModel viewModel, List<TranscriptEntry> entries,
                                         String where) {
        if (!viewModel.revealSecretsProperty().get() || !anySecret(entries)) {
            return false;
        }
        Alert alert = new Alert(Alert.AlertType.WARNING,
                "The passwords are revealed on screen. Put them " + where + " as well? Anyone who reads "
                        + (where.contains("clipboard") ? "what you paste" : "the file") + " can then log in as you.",
                KEEP_MASKED, INCLUDE);
        alert.initOwner(owner);
        alert.setTitle("Passwords in clear");
        alert.setHeaderText("Include the passwords?");
        alert.getDialogPane().setId("secrets-confirmation");
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        // Enter and Escape keep them masked; including them takes a deliberate click
        ((Button) alert.getDialogPane().lookupButton(KEEP_MASKED)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(INCLUDE)).setDefaultButton(false);
        return alert.showAndWait().filter(INCLUDE::equals).isPresent();
    }
}
