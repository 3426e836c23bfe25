package dev.mailbench.app;

import dev.mailbench.app.build.BuildInfo;
import dev.mailbench.app.theme.ThemeManager;

import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help ▸ About: which Mailbench this is and which Java and JavaFX it runs on. */
final class AboutDialog {

    private AboutDialog() {
    }

    static Dialog<ButtonType> create(Window owner, ThemeManager themes) {
        Label name = new Label("Mailbench");
        name.getStyleClass().add("about-title");
        Label version = line("about-version", "Version " + BuildInfo.mailbenchVersion());
        Label java = line("about-java", "Java " + BuildInfo.javaVersion());
        Label javafx = line("about-javafx", "JavaFX " + BuildInfo.javafxVersion().orElse("(not started)"));

        VBox content = new VBox(name, version, java, javafx);
        content.getStyleClass().add("about-content");

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Mailbench");
        dialog.getDialogPane().setId("about-dialog");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        themes.styleOnce(dialog.getDialogPane());
        return dialog;
    }

    private static Label line(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        return label;
    }
}
