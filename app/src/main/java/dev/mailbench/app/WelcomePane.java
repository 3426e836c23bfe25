package dev.mailbench.app;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The centre of the window while it has nothing else to show: what Mailbench is, and this build. */
final class WelcomePane extends VBox {

    WelcomePane() {
        Label title = label("welcome-title", "Mailbench");
        Label summary = label("welcome-summary",
                "A desktop workbench for talking SMTP and POP3 by hand: you type the commands, "
                        + "and read the server's replies line by line.");
        Label scope = label("welcome-scope",
                "This build is the application window only: sessions, the practice server and "
                        + "the message viewer are not in it yet.");
        Label version = label("welcome-version", "Version " + BuildInfo.mailbenchVersion());

        getChildren().addAll(title, summary, scope, version);
        getStyleClass().add("welcome");
    }

    private static Label label(String styleClass, String text) {
        Label label = new Label(text);
        label.setId(styleClass);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        return label;
    }
}
