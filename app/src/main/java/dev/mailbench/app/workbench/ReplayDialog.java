package dev.mailbench.app.workbench;

import java.util.List;
import java.util.Optional;

import dev.mailbench.reproduce.Replay;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.ServerAddress;

import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
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
 * <b>Replay against…</b> asks which connection, when the session had several that sent anything, and where to: a
 * server URI (the practice server first while it runs, then where the connection went and the recent servers),
 * and, when the connection's passwords were saved masked, the user name and password to send in their place, for
 * this run only (they are never stored).
 */
public final class ReplayDialog {

    /** The button that starts the replay. */
    public static final ButtonType REPLAY = new ButtonType("Replay", ButtonBar.ButtonData.OK_DONE);

    /**
     * A connection of the session that can be replayed, and what the dialog offers for it.
     *
     * @param label       how the choice names it: "2: POP3 to 127.0.0.1:1110, 6 lines sent"
     * @param protocol    its protocol, which the server must speak
     * @param uris        the servers offered, the default first
     * @param maskedLogin whether its passwords were masked, so that a password is asked for
     * @param user        the user name it logged in with, when known
     */
    public record Candidate(String label, MailProtocol protocol, List<String> uris, boolean maskedLogin,
                            Optional<String> user) {
    }

    /** What the user chose: which connection (its place among the candidates), where to, and with what login. */
    public record Choice(int connection, ServerAddress target, Optional<Replay.Credentials> credentials) {
    }

    private ReplayDialog() {
    }

    /**
     * @param candidates the connections that sent anything, in the session's order (at least one); the first is
     *                   offered
     * @return empty when the user cancels
     */
    public static Optional<Choice> ask(Window owner, List<Candidate> candidates) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Replay Against…");
        dialog.setHeaderText("Send this session's lines again to a server, and compare its replies with the original's.");
        ChoiceBox<String> connection = new ChoiceBox<>();
        connection.setId("replay-connection");
        candidates.forEach(candidate -> connection.getItems().add(candidate.label()));
        ComboBox<String> server = new ComboBox<>();
        server.setId("replay-server");
        server.setEditable(true);
        server.setPrefWidth(360);
        Label invalid = new Label();
        invalid.setId("replay-server-problem");
        invalid.getStyleClass().add("replay-status");
        invalid.setWrapText(true);
        invalid.setMinHeight(Region.USE_PREF_SIZE);
        TextField userField = new TextField();
        userField.setId("replay-user");
        PasswordField password = new PasswordField();
        password.setId("replay-password");
        Label note = new Label("The session was saved with its password masked: the one you type here is sent "
                + "for this replay only, and not kept.");
        note.setWrapText(true);
        note.setPrefWidth(360);
        note.setMinHeight(Region.USE_PREF_SIZE);
        Label userLabel = new Label("User name:");
        Label passwordLabel = new Label("Password:");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        Label connectionLabel = new Label("Connection:");
        grid.addRow(0, connectionLabel, connection);
        grid.addRow(1, new Label("Server:"), server);
        grid.addRow(2, userLabel, userField);
        grid.addRow(3, passwordLabel, password);
        grid.add(note, 1, 4);
        // one connection needs no choosing
        for (Node node : List.of(connectionLabel, connection)) {
            node.setVisible(candidates.size() > 1);
            node.setManaged(candidates.size() > 1);
        }
        dialog.getDialogPane().setContent(new VBox(8, grid, invalid));
        dialog.getDialogPane().setId("replay-dialog");
        dialog.getDialogPane().getButtonTypes().setAll(REPLAY, ButtonType.CANCEL);
        Node replay = dialog.getDialogPane().lookupButton(REPLAY);
        Runnable check = () -> {
            Candidate chosen = candidates.get(Math.max(0, connection.getSelectionModel().getSelectedIndex()));
            String problem = problem(server.getEditor().getText(), chosen.protocol());
            invalid.setText(problem);
            replay.setDisable(!problem.isEmpty());
        };
        connection.getSelectionModel().selectedIndexProperty().addListener((observable, old, now) -> {
            Candidate chosen = candidates.get(now.intValue());
            server.getItems().setAll(chosen.uris());
            server.setValue(chosen.uris().isEmpty() ? "" : chosen.uris().get(0));
            server.getEditor().setText(server.getValue());
            userField.setText(chosen.user().orElse(""));
            password.clear();
            for (Node node : List.of(userLabel, userField, passwordLabel, password, note)) {
                node.setVisible(chosen.maskedLogin());
                node.setManaged(chosen.maskedLogin());
            }
            check.run();
            // the rows for a masked login come and go: the dialog's window takes the content's new size
            if (dialog.getDialogPane().getScene() != null && dialog.getDialogPane().getScene().getWindow() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        server.getEditor().textProperty().addListener((observable, old, now) -> check.run());
        connection.getSelectionModel().select(0);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setResultConverter(button -> {
            if (button != REPLAY) {
                return null;
            }
            int chosen = connection.getSelectionModel().getSelectedIndex();
            return new Choice(chosen, ServerAddress.parse(server.getEditor().getText().strip()),
                    candidates.get(chosen).maskedLogin()
                            ? Optional.of(new Replay.Credentials(userField.getText(), password.getText()))
                            : Optional.empty());
        });
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
