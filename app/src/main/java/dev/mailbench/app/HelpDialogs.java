package dev.mailbench.app;

import java.util.List;
import java.util.Map;

import dev.mailbench.app.keys.KeyHelp;
import dev.mailbench.app.theme.ThemeManager;

import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help ▸ Start Here (what the window is, and three things to try first) and Help ▸ Keyboard Keys. */
final class HelpDialogs {

    private HelpDialogs() {
    }

    static Dialog<ButtonType> startHere(Window owner, ThemeManager themes) {
        VBox content = new VBox(
                heading("Start here"),
                text("start-what", "Mailbench lets you speak SMTP (sending mail) and POP3 (reading mail) by hand. "
                        + "Each tab is one session: the transcript shows every line sent (C:) and received (S:), "
                        + "click a line to read what it means, and the step buttons under it send the next "
                        + "command. The steps that take the dialogue forward are filled in; the others still "
                        + "work, so you can see how a server refuses them."),
                text("start-server", "The practice server runs inside Mailbench (its panel is on the right, "
                        + "View ▸ Practice Server Panel): SMTP on port 2525, POP3 on port 1110, domain example.test, "
                        + "users alice (password alice-pass) and bob (password bob-pass)."),
                heading("Three things to try first"),
                text("start-ehlo", "1. Say hello: open File ▸ New SMTP Session (Connect, if the tab is not connected yet), "
                        + "press EHLO, then Send. The "
                        + "server's reply lists what it offers; click its lines to read each one."),
                text("start-message", "2. Send a message by the steps: MAIL FROM, RCPT TO (bob@example.test), "
                        + "DATA (a composer opens), then QUIT."),
                text("start-pop3", "3. Read it over POP3: File ▸ New POP3 Session, USER bob, PASS bob-pass, then "
                        + "STAT, LIST and RETR 1; the message opens in the MIME viewer. QUIT ends the session."),
                text("start-typing", "You can also type any command in the command line under the transcript: "
                        + "Enter sends it, Tab completes a verb, and a mistyped verb is pointed out."));
        content.getStyleClass().add("help-content");
        return dialog(owner, themes, "Start Here", "start-here-dialog", content);
    }

    /** {@code keys}: a heading (the part of the window) for each list of keys, in the order shown. */
    static Dialog<ButtonType> keyboardKeys(Window owner, ThemeManager themes, Map<String, List<KeyHelp>> keys) {
        VBox content = new VBox(heading("Keyboard keys"));
        content.getStyleClass().add("help-content");
        keys.forEach((part, list) -> {
            content.getChildren().add(subheading(part));
            GridPane grid = new GridPane();
            grid.getStyleClass().add("key-grid");
            for (int row = 0; row < list.size(); row++) {
                Label key = new Label(list.get(row).keys());
                key.getStyleClass().add("key-name");
                key.setMinWidth(Region.USE_PREF_SIZE);
                Label does = new Label(list.get(row).does());
                does.getStyleClass().add("key-does");
                does.setWrapText(true);
                grid.addRow(row, key, does);
            }
            content.getChildren().add(grid);
        });
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("help-scroll");
        return dialog(owner, themes, "Keyboard Keys", "keys-dialog", scroll);
    }

    private static Dialog<ButtonType> dialog(Window owner, ThemeManager themes, String title, String id, Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        themes.styleOnce(dialog.getDialogPane());
        return dialog;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("help-heading");
        return label;
    }

    private static Label subheading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("help-subheading");
        return label;
    }

    private static Label text(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("help-text");
        return label;
    }
}
