package dev.mailbench.app.steps;

import java.util.Optional;
import java.util.List;
import java.util.function.Function;

import dev.mailbench.app.keys.KeyHelp;
import dev.mailbench.app.session.InputValidation;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The form a step button opens, between the step bar and the transcript: what the verb is for, its
 * inputs, and the exact line that Send puts on the wire.
 */
public final class StepFormView extends VBox {

    /** The keys of a step form (its default and cancel buttons, the Esc handler below), for Help ▸ Keyboard Keys. */
    public static final List<KeyHelp> KEYS = List.of(
            new KeyHelp("Enter", "send the step's command"),
            new KeyHelp("Esc", "close the step form without sending"));

    private Runnable firstInputFocus = () -> { };

    public StepFormView(StepFormViewModel form, Runnable close) {
        setId("step-form");
        getStyleClass().add("step-form");

        Label title = new Label(form.step().label());
        title.getStyleClass().add("step-form-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label purpose = new Label(form.purpose());
        purpose.setWrapText(true);
        purpose.getStyleClass().add("step-purpose");
        HBox heading = new HBox(title, purpose);
        heading.getStyleClass().add("step-form-heading");
        HBox.setHgrow(purpose, Priority.ALWAYS);

        Label syntax = new Label(form.syntax());
        syntax.setId("step-syntax");
        syntax.getStyleClass().add("step-syntax");
        syntax.setWrapText(true);   // the whole syntax with its RFC section, on two lines where the form is narrow
        syntax.setMinHeight(Region.USE_PREF_SIZE);

        // ControlsFX marks a field that cannot be sent as typed (blank where required, not an address); the
        // form's problem line says why and Send waits
        InputValidation validation = new InputValidation();
        GridPane inputs = new GridPane();
        inputs.getStyleClass().add("step-inputs");
        int row = 0;
        boolean secrets = false;
        boolean focusOnEmpty = false;
        StepField retyped = form.retypedSecret().orElse(null);
        for (StepField field : form.fields()) {
            Node input = switch (field.kind()) {
                case TEXT -> bound(new TextField(), form, field);
                case SECRET -> new SecretInput(form, field);
                case CHOICE -> {
                    ChoiceBox<String> choice = new ChoiceBox<>();
                    choice.getItems().setAll(field.choices());
                    choice.valueProperty().bindBidirectional(form.value(field.key()));
                    yield choice;
                }
            };
            secrets |= field.kind() == StepField.Kind.SECRET;
            if (input instanceof TextField text) {
                validation.check(text, value -> form.problem(field, value));
            } else if (input instanceof SecretInput secret) {
                secret.checkedBy(validation, value -> form.problem(field, value));
            }
            if (input.getId() == null) {
                input.setId("field-" + field.key());
            }
            // the cursor goes where typing is needed: the first empty text input, else the first input
            boolean empty = field.kind() != StepField.Kind.CHOICE && form.value(field.key()).get().isEmpty();
            if (field == retyped) {
                // a password sent before and refused: selected, caret at its end, so typing replaces it
                firstInputFocus = () -> shownInput(input).ifPresent(text -> {
                    text.requestFocus();
                    text.selectAll();
                });
                focusOnEmpty = true;
            } else if (row == 0 || empty && !focusOnEmpty) {
                firstInputFocus = () -> shownInput(input).ifPresentOrElse(text -> {
                    text.requestFocus();
                    text.end();
                }, input::requestFocus);
                focusOnEmpty |= empty;
            }
            Label label = new Label(field.label());
            label.setLabelFor(input);
            inputs.addRow(row++, label, input);
            GridPane.setHgrow(input, Priority.ALWAYS);
        }

        Label sends = new Label("Sends:");
        Label preview = new Label();
        preview.setId("step-preview");
        preview.getStyleClass().add("step-preview");
        preview.textProperty().bind(form.previewProperty());
        HBox wire = new HBox(sends, preview);
        wire.getStyleClass().add("step-wire");

        Label problem = new Label();
        problem.setId("step-problem");
        problem.getStyleClass().add("step-problem");
        problem.setWrapText(true);   // a reason with its RFC section takes two lines where the form is narrow
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(form.problemProperty());
        problem.visibleProperty().bind(Bindings.isNotEmpty(form.problemProperty()));
        problem.managedProperty().bind(problem.visibleProperty());

        Label sequence = new Label("Not expected in this state: the server will probably refuse it (which is worth seeing).");
        sequence.setId("step-out-of-sequence");
        sequence.getStyleClass().add("step-out-of-sequence");
        sequence.setWrapText(true);
        sequence.setVisible(!form.legalNow());
        sequence.setManaged(!form.legalNow());

        // before a password leaves: in clear text, or to a server whose certificate is not trusted
        Label security = new Label(form.securityWarning());
        security.setId("step-security-warning");
        security.getStyleClass().add("step-security-warning");
        security.setWrapText(true);
        security.setMaxWidth(Double.MAX_VALUE);
        security.setVisible(!form.securityWarning().isEmpty());
        security.setManaged(security.isVisible());

        CheckBox reveal = new CheckBox("Show password");
        reveal.setId("step-reveal");
        reveal.selectedProperty().bindBidirectional(form.revealProperty());
        reveal.setVisible(secrets);
        reveal.setManaged(secrets);

        Button send = new Button("Send");
        send.setId("step-send");
        send.setDefaultButton(true);
        send.disableProperty().bind(form.canSendProperty().not());
        send.setOnAction(event -> {
            if (form.send()) {
                close.run();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("step-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(reveal, spacer, cancel, send);
        buttons.getStyleClass().add("step-buttons");

        getChildren().addAll(heading, syntax, security, inputs, wire, problem, sequence, buttons);
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                close.run();
            }
        });
    }

    /** Puts the cursor in the first input, so typing starts there. */
    public void focusFirstInput() {
        firstInputFocus.run();
    }

    /**
     * A password input: a password field, and in its place while "Show password" is ticked a text field with the
     * same value, so that the password shows where it is typed. The caret goes along when they swap.
     */
    private static final class SecretInput extends StackPane {
        private final PasswordField hidden = new PasswordField();
        private final TextField shown = new TextField();
        private final StepFormViewModel form;

        SecretInput(StepFormViewModel form, StepField field) {
            this.form = form;
            setId("field-" + field.key() + "-input");
            getStyleClass().add("secret-input");
            hidden.setId("field-" + field.key());
            shown.setId("field-" + field.key() + "-shown");
            bound(hidden, form, field);
            bound(shown, form, field);
            hidden.visibleProperty().bind(form.revealProperty().not());
            shown.visibleProperty().bind(form.revealProperty());
            for (TextInputControl input : new TextInputControl[] {hidden, shown}) {
                input.managedProperty().bind(input.visibleProperty());
            }
            form.revealProperty().addListener((observable, old, reveal) -> {
                TextInputControl from = reveal ? hidden : shown;
                TextInputControl to = reveal ? shown : hidden;
                if (from.isFocused()) {
                    int caret = from.getCaretPosition();
                    to.requestFocus();
                    to.positionCaret(caret);
                }
            });
            getChildren().addAll(hidden, shown);
        }

        /** Both of its fields are checked: the one shown carries the mark. */
        void checkedBy(InputValidation validation, Function<String, Optional<String>> problem) {
            validation.check(hidden, problem);
            validation.check(shown, problem);
        }

        TextInputControl visibleInput() {
            return form.revealProperty().get() ? shown : hidden;
        }
    }

    /** The text input a user sees in an input node: itself, or the visible one of a password's pair. */
    private static Optional<TextInputControl> shownInput(Node input) {
        if (input instanceof TextInputControl text) {
            return Optional.of(text);
        }
        return input instanceof SecretInput secret ? Optional.of(secret.visibleInput()) : Optional.empty();
    }

    private static TextInputControl bound(TextInputControl input, StepFormViewModel form, StepField field) {
        input.textProperty().bindBidirectional(form.value(field.key()));
        return input;
    }
}
