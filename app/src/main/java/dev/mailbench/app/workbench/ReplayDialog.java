package dev.mailbench.app.workbench;

import java.util.List;
import java.util.Optional;

import dev.mailbench.reproduce.Replay;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;

import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * <b>Replay against…</b> asks where to: a server URI (the practice server first while it runs, then where the
 * session went and the recent servers), and, when the session's passwords were saved masked, the user name and
 * password to send in their place, for this run only (they are never stored).
 */
public final class ReplayDialog {

    /** The button that starts the replay. */
    public static final ButtonType REPLAY = new ButtonType("Replay", ButtonBar.ButtonData.OK_DONE);

    /** What the user chose: where to, and what the masked lines are played with. */
    public record Choice(ServerAddress target, Optional<Replay.Credentials> credentials) {
    }

    private ReplayDialog() {
    }

    /**
     * @param protocol     the session's protocol, which the server must speak
     * @param uris         the servers offered, the default first
     * @param maskedLogin  whether the session's passwords were masked, so that a password is asked for
     * @param user         the user name the session logged in with, when known
     * @return empty when the user cancels
     */
    public static Optional<Choice> ask(Window owner, MailProtocol protocol, List<String> uris, boolean maskedLogin,
                                       Optional<String> user) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Replay Against…");
        dialog.setHeaderText("Send this session's lines again to a server, and compare its replies with the original's.");
        ComboBox<String> server = new ComboBox<>();
        server.setId("replay-server");
        server.setEditable(true);
        server.getItems().setAll(uris);
        server.setPrefWidth(360);
        if (!uris.isEmpty()) {
            server.setValue(uris.get(0));
        }
        Label invalid = new Label();
        invalid.setId("replay-server-problem");
        invalid.getStyleClass().add("replay-status");
        invalid.setWrapText(true);
        invalid.setMinHeight(Region.USE_PREF_SIZE);
        TextField userField = new TextField(user.orElse(""));
        userField.setId("replay-user");
        PasswordField password = new PasswordField();
        password.setId("replay-password");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Server:"), server);
        if (maskedLogin) {
            grid.addRow(1, new Label("User name:"), userField);
            grid.addRow(2, new Label("Password:"), password);
            Label note = new Label("The session was saved with its password masked: the one you type here is sent "
                    + "for this replay only, and not kept.");
            note.setWrapText(true);
            note.setPrefWidth(360);
            note.setMinHeight(Region.USE_PREF_SIZE);
            grid.add(note, 1, 3);
        }
        dialog.getDialogPane().setContent(new VBox(8, grid, invalid));
        dialog.getDialogPane().setId("replay-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(REPLAY, ButtonType.CANCEL);
        Node replay = dialog.getDialogPane().lookupButton(REPLAY);
        Runnable check = () -> {
            String problem = problem(server.getEditor().getText(), protocol);
            invalid.setText(problem);
            replay.setDisable(!problem.isEmpty());
        };
        server.getEditor().textProperty().addListener((observable, old, now) -> check.run());
        check.run();
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setResultConverter(button -> button == REPLAY
                ? new Choice(ServerAddress.parse(server.getEditor().getText().strip()), maskedLogin
                        ? Optional.of(new Replay.Credentials(userField.getText(), password.getText())) : Optional.empty())
                : null);
        return dialog.showAndWait();
    }

    /** Why a URI cannot be replayed against; empty when it can. */
    static String problem(String uri, MailProtocol protocol) {
        try {
            ServerAddress address = ServerAddress.parse(uri.strip());
            return address.protocol() == protocol ? ""
                    : "The session speaks " + protocol + ": replay it against a " + protocol + " server.";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
