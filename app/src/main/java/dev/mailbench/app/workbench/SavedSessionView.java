package dev.mailbench.app.workbench;

import java.util.List;

import dev.mailbench.app.ladder.LadderView;
import dev.mailbench.app.ladder.LadderViewModel;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.app.transcript.ExplanationPane;
import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.retrieval.RetrievedMessage;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A read-only tab: a saved session's transcript and explanations as they were live (the same transcript pane and
 * explanation pane) and, toggled, its ladder above the transcript (the live tab's ladder view, selection shared
 * both ways), under a banner that says where it comes from, and what was wrong with its file. No command line, no
 * step buttons: nothing here reaches a server. Nor a state diagram: it lights the state a live dialogue is in and
 * its verbs act as step buttons; a finished session is in no state, and has no server to send a verb to.
 */
public final class SavedSessionView extends BorderPane {

    private final SavedSessionViewModel viewModel;
    private final TranscriptPane transcript;
    private final Label banner = new Label();
    private final Label problems = new Label();
    private final FlowPane toolbar;
    private final ToggleButton ladderToggle = new ToggleButton("Ladder");
    private final LadderView ladder;
    private final SplitPane views = new SplitPane();

    public SavedSessionView(SavedSessionViewModel viewModel, TaskExecutor executor, Catalogue catalogue,
                            MessageViewer messages) {
        this.viewModel = viewModel;
        getStyleClass().add("saved-session-view");

        banner.setId("saved-session-banner");
        banner.getStyleClass().add("saved-session-banner");
        banner.setText(viewModel.banner());
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        problems.setId("saved-session-problems");
        problems.getStyleClass().add("saved-session-problems");
        problems.setText(viewModel.problems());
        problems.setWrapText(true);
        problems.setMaxWidth(Double.MAX_VALUE);
        problems.setVisible(!viewModel.problems().isEmpty());
        problems.managedProperty().bind(problems.visibleProperty());

        Runnable openMessage = () -> viewModel.transcript().selectedEntry().ifPresent((TranscriptEntry entry) ->
                executor.execute(BackgroundTask.of(() -> entry.explainer().retrievedText(entry.event().sequence())
                                .map(where -> RetrievedMessage.read(entry.event().transcript(), where)))
                        .onSuccess(message -> message.ifPresent(messages::show))));
        transcript = new TranscriptPane(viewModel.transcript(), executor, openMessage);
        CheckBox times = TranscriptPane.timesToggle(viewModel.transcript());
        CheckBox endings = new CheckBox("Line endings");
        endings.selectedProperty().bindBidirectional(viewModel.transcript().showLineEndingsProperty());
        CheckBox reveal = new CheckBox("Reveal passwords");
        reveal.selectedProperty().bindBidirectional(viewModel.transcript().revealSecretsProperty());
        // a file saved with its passwords masked has none to reveal
        reveal.setDisable(!viewModel.session().passwordsKept());
        ladderToggle.setId("toggle-ladder");
        ladderToggle.setTooltip(new Tooltip("Show the conversation as a ladder: an arrow per command and per reply"));
        toolbar = new FlowPane(times, endings, reveal, ladderToggle);
        toolbar.getStyleClass().add("transcript-toolbar");
        LadderViewModel ladderModel = new LadderViewModel(viewModel.transcript(), Platform::runLater);
        ladder = new LadderView(ladderModel);
        ladderModel.shownProperty().bind(ladderToggle.selectedProperty());
        // the ladder above the transcript, as in the live tab
        views.setId("session-views");
        views.setOrientation(Orientation.VERTICAL);
        views.getItems().setAll(transcript);
        ladderToggle.selectedProperty().addListener((observable, old, shown) -> {
            views.getItems().setAll(shown ? List.of(ladder, transcript) : List.of(transcript));
            if (shown) {
                views.setDividerPositions(0.5);
            }
        });
        VBox transcriptBox = new VBox(toolbar, views);
        VBox.setVgrow(views, Priority.ALWAYS);

        SplitPane split = new SplitPane(transcriptBox, new ExplanationPane(viewModel.transcript(), catalogue, openMessage));
        split.setDividerPositions(0.64);
        setTop(new VBox(banner, problems));
        setCenter(split);
    }

    /** Adds <b>Replay against…</b> to the tab's toolbar. */
    void onReplay(Runnable replay) {
        toolbar.getChildren().add(ReplayButton.of(replay));
    }

    public SavedSessionViewModel viewModel() {
        return viewModel;
    }

    public TranscriptPane transcript() {
        return transcript;
    }

    /** Shows or hides this tab's ladder (View ▸ Ladder, the Ladder toggle). */
    public void toggleLadder() {
        ladderToggle.setSelected(!ladderToggle.isSelected());
    }

    public LadderView ladder() {
        return ladder;
    }
}
