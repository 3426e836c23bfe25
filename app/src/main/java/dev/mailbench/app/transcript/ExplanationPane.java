package dev.mailbench.app.transcript;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.Explanation;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Beside the transcript: what the selected line means, from the protocol's explainer: the line, its sentences
 * (its problems first), and its facts.
 *
 * <p>A long line (a 5,000-octet header, a base64 AUTH payload) is shown once, cut after {@value #LONG_LINE}
 * characters with its length among the facts; "Show the whole line" opens its exact bytes, wrapped, in place
 * of the fact that would repeat it.
 */
public final class ExplanationPane extends ScrollPane {

    /** Characters of a line shown in the title; a longer line is cut there and offered whole on demand. */
    static final int LONG_LINE = 200;

    private final TranscriptViewModel viewModel;
    /** The label of the fact that holds the line's exact bytes, the line once more. */
    private final String bytesLabel;
    private final ToggleButton wholeLine = new ToggleButton();
    private final TextArea wholeLineText = new TextArea();
    private final Label placeholder = new Label("Click a line of the transcript to see what it means.");
    private final Label title = new Label();
    private final VBox sentences = new VBox();
    private final GridPane fields = new GridPane();
    private final Button openMessage = new Button("Open as Message");
    private final VBox content = new VBox();

    public ExplanationPane(TranscriptViewModel viewModel, Catalogue catalogue, Runnable onOpenMessage) {
        this.viewModel = viewModel;
        this.bytesLabel = catalogue.fieldLabel("bytes");
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
        wholeLine.setId("explanation-whole-line");
        wholeLine.textProperty().bind(wholeLine.selectedProperty()
                .map(open -> open ? "Hide the whole line" : "Show the whole line"));
        wholeLineText.setId("explanation-line-text");
        wholeLineText.getStyleClass().add("explanation-line-text");
        wholeLineText.setEditable(false);
        wholeLineText.setWrapText(true);
        wholeLineText.visibleProperty().bind(wholeLine.selectedProperty());
        wholeLineText.managedProperty().bind(wholeLineText.visibleProperty());
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
        String line = ControlMarks.of(explanation.title());
        boolean longLine = line.length() > LONG_LINE;
        title.setText(line.isEmpty() ? "(empty line)" : longLine ? line.substring(0, LONG_LINE) + " …" : line);
        sentences.getChildren().clear();
        for (String sentence : explanation.sentences()) {
            Label label = new Label(sentence);
            label.setWrapText(true);
            label.getStyleClass().add("explanation-sentence");
            sentences.getChildren().add(label);
        }
        fields.getChildren().clear();
        int row = 0;
        Explanation.Field exact = null;
        for (Explanation.Field field : explanation.fields()) {
            if (longLine && field.label().equals(bytesLabel)) {
                exact = field; // shown on demand below, not a second time here
                continue;
            }
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
        content.getChildren().setAll(title, sentences, fields);
        if (exact != null) {
            wholeLine.setSelected(false);
            wholeLineText.setText(ControlMarks.of(exact.shown(reveal)));
            content.getChildren().addAll(wholeLine, wholeLineText);
        }
        content.getChildren().add(openMessage);
    }
}
