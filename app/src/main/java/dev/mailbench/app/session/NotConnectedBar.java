package dev.mailbench.app.session;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Above the transcript, where the eye is, while the tab is not connected: says so, says where Connect goes, and
 * offers Connect. The connection bar's own Connect is further up, among settings a newcomer does not read first.
 */
public final class NotConnectedBar extends HBox {

    private final Button connect = new Button("Connect");

    /** @param afterConnect where the focus goes once Connect is pressed (this bar hides, and its button with it) */
    public NotConnectedBar(SessionViewModel session, Runnable afterConnect) {
        setId("not-connected");
        getStyleClass().add("not-connected");

        Label says = new Label();
        says.setId("not-connected-text");
        // the button comes first; a narrow tab puts the sentence's end on a second line rather than cut it
        says.setMinWidth(0);
        says.setWrapText(true);
        says.setMinHeight(USE_PREF_SIZE);
        says.textProperty().bind(Bindings.createStringBinding(() -> "Not connected. Connect opens "
                        + session.titleProperty().get() + " (host and port above).",
                session.titleProperty()));
        HBox.setHgrow(says, Priority.ALWAYS);

        connect.setId("not-connected-connect");
        connect.setMinWidth(USE_PREF_SIZE);
        connect.setOnAction(event -> {
            afterConnect.run();
            session.connect();
        });

        visibleProperty().bind(session.connectedProperty().not().and(session.busyProperty().not()));
        managedProperty().bind(visibleProperty());
        getChildren().addAll(connect, says);
    }
}
