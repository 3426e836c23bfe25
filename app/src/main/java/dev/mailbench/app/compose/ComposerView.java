package dev.mailbench.app.compose;

import java.util.List;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

import dev.mailbench.app.keys.KeyHelp;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.StringProperty;

/**
 * The DATA step: the message's header fields and body on the left, and on the right exactly what DATA will
 * send after the server's 354, dot-stuffed, with every CRLF visible and the lone dot at the end.
 */
public final class ComposerView extends VBox {

    /** The key bound below, for Help ▸ Keyboard Keys. */
    public static final List<KeyHelp> KEYS = List.of(new KeyHelp("Esc", "close the composer without sending"));

    private final TextField fromField;

    public ComposerView(ComposerViewModel composer, Supplier<Optional<Path>> chooseAttachment, Runnable close) {
        setId("composer");
        getStyleClass().addAll("step-form", "composer");

        Label title = new Label(composer.title());
        title.getStyleClass().add("step-form-title");
        Label purpose = new Label("Compose the message. Send gives DATA, then, after the server's 354, the message "
                + "and a line holding only a dot.");
        purpose.setWrapText(true);
        purpose.getStyleClass().add("step-purpose");
        HBox heading = new HBox(title, purpose);
        heading.getStyleClass().add("step-form-heading");

        GridPane headers = new GridPane();
        headers.getStyleClass().add("step-inputs");
        fromField = field("composer-from", composer.fromProperty());
        headers.addRow(0, new Label("From"), fromField);
        headers.addRow(1, new Label("To"), field("composer-to", composer.toProperty()));
        headers.addRow(2, new Label("Subject"), field("composer-subject", composer.subjectProperty()));
        headers.addRow(3, new Label("Date"), field("composer-date", composer.dateProperty()));
        headers.addRow(4, new Label("Message-ID"), field("composer-message-id", composer.messageIdProperty()));

        TextArea body = new TextArea();
        body.setId("composer-body");
        body.getStyleClass().add("composer-body");
        body.setPrefRowCount(7);
        body.textProperty().bindBidirectional(composer.bodyProperty());

        Label attachment = new Label();
        attachment.setId("composer-attachment");
        attachment.textProperty().bind(Bindings.createStringBinding(() -> composer.attachmentProperty().get() == null
                ? "No attachment"
                : composer.attachmentProperty().get().fileName() + " (" + composer.attachmentProperty().get().contentType()
                        + ", " + composer.attachmentProperty().get().content().length + " bytes)",
                composer.attachmentProperty()));
        Button attach = new Button("Attach File…");
        attach.setId("composer-attach");
        attach.setOnAction(event -> chooseAttachment.get().ifPresent(composer::attach));
        Button detach = new Button("Remove");
        detach.setId("composer-detach");
        detach.disableProperty().bind(composer.attachmentProperty().isNull());
        detach.setOnAction(event -> composer.removeAttachment());
        HBox attachments = new HBox(attach, detach, attachment);
        attachments.getStyleClass().add("composer-attachments");

        VBox left = new VBox(headers, new Label("Body"), body, attachments);
        left.getStyleClass().add("composer-message");
        VBox.setVgrow(body, Priority.ALWAYS);

        TextArea wire = new TextArea();
        wire.setId("composer-wire");
        wire.getStyleClass().add("composer-wire");
        wire.setEditable(false);
        wire.setPrefRowCount(9);
        wire.textProperty().bind(composer.wireProperty());
        VBox right = new VBox(new Label("On the wire after 354 (dot-stuffed, ⟨CR⟩⟨LF⟩ = CRLF)"), wire);
        right.getStyleClass().add("composer-wire-box");
        VBox.setVgrow(wire, Priority.ALWAYS);

        HBox columns = new HBox(left, right);
        columns.getStyleClass().add("composer-columns");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        left.setPrefWidth(1);
        right.setPrefWidth(1);

        Label problem = new Label();
        problem.setId("composer-problem");
        problem.getStyleClass().add("step-problem");
        problem.textProperty().bind(composer.problemProperty());
        problem.visibleProperty().bind(Bindings.isNotEmpty(composer.problemProperty()));
        problem.managedProperty().bind(problem.visibleProperty());

        Button send = new Button("Send");
        send.setId("composer-send");
        send.disableProperty().bind(composer.canSendProperty().not());
        send.setOnAction(event -> {
            if (composer.send()) {
                close.run();
            }
        });
        Button cancel = new Button("Cancel");
        cancel.setId("composer-cancel");
        cancel.setOnAction(event -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(spacer, cancel, send);
        buttons.getStyleClass().add("step-buttons");

        getChildren().addAll(heading, columns, problem, buttons);
        setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                close.run();
            }
        });
    }

    public void focusFirstInput() {
        fromField.requestFocus();
    }

    private static TextField field(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }
}
