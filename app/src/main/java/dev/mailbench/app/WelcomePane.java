package dev.mailbench.app;

import dev.mailbench.app.build.BuildInfo;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The centre of the window while no session is open: what Mailbench is, what this build does, how to start. */
final class WelcomePane extends VBox {

    WelcomePane(Runnable newSmtp, Runnable newPop3, boolean practiceServer) {
        Label title = label("welcome-title", "Mailbench");
        Label summary = label("welcome-summary",
                "A desktop workbench for talking SMTP and POP3 by hand: you type the commands, "
                        + "and read the server's replies line by line.");
        Label scope = label("welcome-scope", practiceServer
                ? "Open a session and go through the dialogue with the step buttons or by typing; every line is "
                        + "shown and explained. New sessions connect to the practice server running inside Mailbench "
                        + "(its panel is on the right): domain example.test, users alice / alice-pass and "
                        + "bob / bob-pass. Any other server is a host name away. Messages (RETR, or an .eml file "
                        + "opened or dropped here) open in the MIME viewer."
                : "Open a session, connect to an SMTP or POP3 server, and go through the dialogue with the step "
                        + "buttons or by typing; every line is shown and explained. The practice server is off "
                        + "in this window: connect to a server you can reach. Messages (RETR, or an .eml file "
                        + "opened or dropped here) open in the MIME viewer.");
        Button smtp = new Button("New SMTP Session");
        smtp.setId("welcome-new-smtp");
        smtp.setOnAction(event -> newSmtp.run());
        Button pop3 = new Button("New POP3 Session");
        pop3.setId("welcome-new-pop3");
        pop3.setOnAction(event -> newPop3.run());
        HBox start = new HBox(smtp, pop3);
        start.getStyleClass().add("welcome-actions");
        Label version = label("welcome-version", "Version " + BuildInfo.mailbenchVersion());

        getChildren().addAll(title, summary, scope, start, version);
        getStyleClass().add("welcome");
    }

    private static Label label(String styleClass, String text) {
        Label label = new Label(text);
        label.setId(styleClass);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);   // a narrow or zoomed window makes it taller, never cuts it
        return label;
    }
}
