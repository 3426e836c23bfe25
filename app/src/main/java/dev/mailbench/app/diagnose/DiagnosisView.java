package dev.mailbench.app.diagnose;

import dev.mailbench.app.dialog.FileChoosers;
import dev.mailbench.diagnose.CheckResult;
import dev.mailbench.diagnose.ReportLine;
import dev.mailbench.session.SessionFile;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A diagnosis in a tab of its own: the verdicts from the most severe down, what the chosen one means, and the
 * conversation below; choosing a verdict selects the transcript lines that prove it.
 */
public final class DiagnosisView extends BorderPane {

    private final DiagnosisViewModel viewModel;
    private final ListView<CheckResult> checks = new ListView<>();
    private final ListView<ReportLine> transcript = new ListView<>();
    private final Label explanation = new Label();
    private final Set<Integer> evidence = new HashSet<>();

    /**
     * @param files asks where to save the session ({@code Save Session…})
     */
    public DiagnosisView(DiagnosisViewModel viewModel, FileChoosers files) {
        this.viewModel = viewModel;
        getStyleClass().add("diagnosis-view");

        Label title = new Label();
        title.setId("diagnosis-title");
        title.getStyleClass().add("diagnosis-title");
        title.textProperty().bind(viewModel.titleProperty());
        Label status = new Label();
        status.setId("diagnosis-status");
        status.textProperty().bind(viewModel.statusProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("diagnosis-busy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Button save = new Button("Save Session…");
        save.setId("diagnosis-save-session");
        save.setMinWidth(Region.USE_PREF_SIZE);
        save.disableProperty().bind(viewModel.diagnosisProperty().isNull().or(viewModel.runningProperty()));
        save.setOnAction(event -> files.saveFile(getScene().getWindow(), "Save Session",
                        viewModel.suggestedFileName(), SessionFile.SUFFIX.substring(1))
                .ifPresent(viewModel::saveSession));
        VBox heading = new VBox(2, title, status);
        HBox.setHgrow(heading, Priority.ALWAYS);
        HBox header = new HBox(8, busy, heading, save);
        header.getStyleClass().add("diagnosis-header");
        setTop(header);

        checks.setId("diagnosis-checks");
        checks.setItems(viewModel.checks());
        checks.setCellFactory(list -> new CheckCell());
        checks.getSelectionModel().selectedItemProperty().addListener((observable, old, now) ->
                viewModel.selectedProperty().set(now));

        explanation.setId("diagnosis-explanation");
        explanation.getStyleClass().add("diagnosis-explanation");
        explanation.setWrapText(true);
        explanation.setMaxWidth(Double.MAX_VALUE);
        explanation.setMinHeight(Region.USE_PREF_SIZE); // the whole paragraph, never cut to one line
        explanation.textProperty().bind(Bindings.createStringBinding(() -> describe(viewModel.selectedProperty().get()),
                viewModel.selectedProperty()));

        transcript.setId("diagnosis-transcript");
        transcript.getStyleClass().add("diagnosis-transcript");
        transcript.setItems(viewModel.lines());
        transcript.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        transcript.setCellFactory(list -> new LineCell());
        viewModel.selectedProperty().addListener((observable, old, now) -> showEvidence(now));

        VBox verdicts = new VBox(checks, explanation);
        VBox.setVgrow(checks, Priority.ALWAYS);
        SplitPane split = new SplitPane(verdicts, transcript);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
    }

    public DiagnosisViewModel viewModel() {
        return viewModel;
    }

    /** Selects the chosen verdict's evidence lines and scrolls the first into view. */
    private void showEvidence(CheckResult check) {
        evidence.clear();
        transcript.getSelectionModel().clearSelection();
        if (check == null) {
            transcript.refresh();
            return;
        }
        List<Integer> rows = viewModel.evidenceRows(check);
        evidence.addAll(rows);
        for (int row : rows) {
            transcript.getSelectionModel().select(row);
        }
        if (!rows.isEmpty()) {
            transcript.scrollTo(Math.max(0, rows.get(0) - 2));
        }
        transcript.refresh();
    }

    private static String describe(CheckResult check) {
        if (check == null) {
            return "Choose a verdict to see what it means and the lines of the conversation that prove it.";
        }
        String figures = check.figures().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
        return check.explanation() + "\n" + check.rule() + (figures.isEmpty() ? "" : " · " + figures)
                + (check.evidence().isEmpty() ? "" : " · evidence: lines " + check.evidence().stream()
                        .map(String::valueOf).collect(Collectors.joining(", ")));
    }

    /** A verdict: its badge, its id and its one-line summary. */
    private static final class CheckCell extends ListCell<CheckResult> {
        private final Label badge = new Label();
        private final Label id = new Label();
        private final Label summary = new Label();
        private final HBox row = new HBox(8, badge, id, summary);

        CheckCell() {
            badge.getStyleClass().add("verdict");
            id.getStyleClass().add("check-id");
            summary.getStyleClass().add("check-summary");
            getStyleClass().add("check-row");
        }

        @Override
        protected void updateItem(CheckResult check, boolean empty) {
            super.updateItem(check, empty);
            badge.getStyleClass().removeIf(style -> style.startsWith("verdict-"));
            if (empty || check == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            badge.setText(check.verdict().id().toUpperCase(Locale.ROOT));
            badge.getStyleClass().add("verdict-" + check.verdict().id());
            id.setText(check.id());
            summary.setText(check.summary());
            setText(null);
            setGraphic(row);
        }
    }

    /** A transcript line: its number, who sent it and its text; a line that proves the chosen verdict is marked. */
    private final class LineCell extends ListCell<ReportLine> {
        @Override
        protected void updateItem(ReportLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeAll("diagnosis-client", "diagnosis-server", "diagnosis-note", "evidence-line");
            if (empty || line == null) {
                setText(null);
                return;
            }
            String who = switch (line.direction()) {
                case "client" -> "C:";
                case "server" -> "S:";
                default -> "* ";
            };
            setText(String.format(Locale.ROOT, "%4d %s %s", line.number(), who, line.text()));
            getStyleClass().add("diagnosis-" + line.direction());
            if (evidence.contains(getIndex())) {
                getStyleClass().add("evidence-line");
            }
        }
    }
}
