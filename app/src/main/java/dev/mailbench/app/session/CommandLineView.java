package dev.mailbench.app.session;

import java.util.List;

import dev.mailbench.app.keys.KeyHelp;
import dev.mailbench.wire.RawInput;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The command line: type as in telnet, Enter sends, Up/Down recall. Raw mode sends exactly what is typed;
 * the ⟨CR⟩ and ⟨LF⟩ buttons (or Ctrl+M and Ctrl+J, as in a terminal) put a bare CR or LF into it. Under the
 * field a hint shows the syntax of the verb being typed (Tab completes it) or the verb a typo meant.
 */
public final class CommandLineView extends HBox {

    /** The keys bound in the key filter below, for Help ▸ Keyboard Keys. */
    public static final List<KeyHelp> KEYS = List.of(
            new KeyHelp("Enter", "send the line"),
            new KeyHelp("Up, Down", "recall the lines sent before"),
            new KeyHelp("Tab", "complete the verb being typed"),
            new KeyHelp("Ctrl+M, Ctrl+J", "in raw mode, type a bare CR or LF"));

    private final TextField field = new TextField();

    public CommandLineView(SessionViewModel session) {
        CommandLineViewModel commandLine = session.commandLine();
        getStyleClass().add("command-line");

        Label prompt = new Label("Command");
        CheckBox raw = new CheckBox("Raw");
        raw.setId("raw-mode");
        raw.setTooltip(new Tooltip("Send exactly what is typed, nothing added: end lines yourself with ⟨CR⟩⟨LF⟩"));
        raw.selectedProperty().bindBidirectional(commandLine.rawProperty());

        field.setId("command-line");
        field.getStyleClass().add("command-field");
        // The field stays enabled while not connected: a disabled field would lose the keyboard focus when a
        // connection ends, and the focus would wander to whatever comes next (the practice server's Stop).
        field.promptTextProperty().bind(Bindings.when(session.connectedProperty())
                .then("type a command, Enter sends it (↑ ↓ for earlier ones)")
                .otherwise("not connected: Connect first, then type commands here"));
        field.textProperty().bindBidirectional(commandLine.textProperty());
        Label hint = new Label();
        hint.setId("command-hint");
        hint.getStyleClass().add("command-hint");
        hint.textProperty().bind(commandLine.hintProperty());
        hint.visibleProperty().bind(commandLine.hintProperty().isNotEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        hint.setWrapText(true);
        VBox typing = new VBox(field, hint);
        HBox.setHgrow(typing, Priority.ALWAYS);
        field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.TAB && !event.isShiftDown() && !event.isShortcutDown()) {
                // Tab completes a verb; with nothing to complete it moves the focus on as usual
                if (commandLine.complete()) {
                    field.end();
                    event.consume();
                }
            } else if (event.getCode() == KeyCode.ENTER) {
                commandLine.submit();
                field.end();
                event.consume();
            } else if (event.getCode() == KeyCode.UP) {
                commandLine.previous();
                field.end();
                event.consume();
            } else if (event.getCode() == KeyCode.DOWN) {
                commandLine.next();
                field.end();
                event.consume();
            } else if (event.isShortcutDown() && event.getCode() == KeyCode.M && commandLine.rawProperty().get()) {
                field.replaceSelection(RawInput.CR);
                event.consume();
            } else if (event.isShortcutDown() && event.getCode() == KeyCode.J && commandLine.rawProperty().get()) {
                field.replaceSelection(RawInput.LF);
                event.consume();
            }
        });

        Button cr = insert("insert-cr", RawInput.CR, "a carriage return (CR, 0x0D)");
        Button lf = insert("insert-lf", RawInput.LF, "a line feed (LF, 0x0A): alone, a bare LF");
        for (Button button : new Button[] {cr, lf}) {
            button.visibleProperty().bind(commandLine.rawProperty());
            button.managedProperty().bind(button.visibleProperty());
        }

        Button send = new Button("Send");
        send.setId("command-send");
        send.setOnAction(event -> {
            commandLine.submit();
            field.requestFocus();
        });

        for (Node control : new Node[] {raw, cr, lf, send}) {
            control.disableProperty().bind(session.connectedProperty().not());
        }
        // the field gives up width first: the words around it stay whole
        for (Region fixed : new Region[] {prompt, raw, cr, lf, send}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(prompt, raw, typing, cr, lf, send);
    }

    public TextField field() {
        return field;
    }

    private Button insert(String id, String mark, String meaning) {
        Button button = new Button(mark);
        button.setId(id);
        button.setFocusTraversable(false);
        button.setTooltip(new Tooltip("Type " + meaning));
        button.setOnAction(event -> {
            field.requestFocus();
            field.replaceSelection(mark);
        });
        return button;
    }
}
