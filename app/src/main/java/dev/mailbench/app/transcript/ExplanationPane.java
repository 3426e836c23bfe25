package dev.mailbench.app.transcript;

import dev.mailbench.explain.Explanation;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Beside the transcript: what the selected line means, from the protocol's explainer. */
public final class ExplanationPane extends ScrollPane {

    private final TranscriptViewModel viewModel;
    private final Label placeholder = new Label("Click a line of the transcript to see what it means.");
    private final Label title = new Label();
    private final VBox sentences = new VBox();
    private final GridPane fields = new GridPane();
    private final Button openMessage = new Button("Open as Message");
    private final VBox content = new VBox();

    public ExplanationPane(TranscriptViewModel viewModel, Runnable onOpenMessage) {
        this.viewModel = viewModel;
        setId("explanation");
        getStyleClass().add("explanation");
        setFitToWidth(true);
        placeholder.setId("explanation-placeholder");
        placeholder.getStyleClass().add("explanation-placeholder");
        placeholder.setWrapText(true);
        title.setId("explanation-title");
        title.getStyleClass().add("explanation-title");
        title.setWrapText(true);
        sentences.setId("explanation-sentences");
        sentences.getStyleClass().add("explanation-sentences");
        fields.setId("explanation-fields");
        fields.getStyleClass().add("explanation-fields");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().setAll(labels, values);
        openMessage.setId("open-message");
        openMessage.setOnAction(event -> onOpenMessage.run());
        openMessage.visibleProperty().bind(viewModel.messageSelectedProperty());
        openMessage.managedProperty().bind(openMessage.visibleProperty());
        content.getStyleClass().add("explanation-content");
        setContent(content);

        ObservableValue<Explanation> explanation = viewModel.explanationProperty();
        explanation.addListener((observable, old, now) -> show(now));
        viewModel.revealSecretsProperty().addListener((observable, old, now) -> show(explanation.getValue()));
        show(explanation.getValue());
    }

    private void show(Explanation explanation) {
        if (explanation == null) {
            content.getChildren().setAll(placeholder);
            return;
        }
        boolean reveal = viewModel.revealSecretsProperty().get();
        title.setText(explanation.title().isEmpty() ? "(empty line)" : ControlMarks.of(explanation.title()));
        sentences.getChildren().clear();
        for (String sentence : explanation.sentences()) {
            Label label = new Label(sentence);
            label.setWrapText(true);
            label.getStyleClass().add("explanation-sentence");
            sentences.getChildren().add(label);
        }
        fields.getChildren().clear();
        int row = 0;
        for (Explanation.Field field : explanation.fields()) {
            Label name = new Label(field.label());
            name.getStyleClass().add("field-label");
            Label value = new Label(ControlMarks.of(field.shown(reveal)));
            value.getStyleClass().add("field-value");
            if (field.isSecret() && !reveal) {
                value.getStyleClass().add("masked");
            }
            value.setWrapText(true);
            fields.addRow(row++, name, value);
        }
        content.getChildren().setAll(title, sentences, fields, openMessage);
    }
}
