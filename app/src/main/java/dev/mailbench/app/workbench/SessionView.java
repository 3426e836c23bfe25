package dev.mailbench.app.workbench;

import java.time.ZonedDateTime;

import dev.mailbench.app.compose.ComposerView;
import dev.mailbench.app.compose.ComposerViewModel;
import dev.mailbench.app.config.RecentHost;
import dev.mailbench.app.dialog.FileChoosers;
import dev.mailbench.app.session.CommandLineView;
import dev.mailbench.app.session.ConnectionBar;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.steps.StepBar;
import dev.mailbench.app.steps.StepDefinition;
import dev.mailbench.app.steps.StepFormView;
import dev.mailbench.app.steps.StepFormViewModel;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.transcript.ExplanationPane;
import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.retrieval.RetrievedMessage;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.control.CheckBox;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * One session tab: the connection bar and step bar on top, the form of the step being prepared, the
 * transcript with the explanation of the selected line beside it, and the command line at the bottom.
 */
public final class SessionView extends BorderPane {

    private final SessionViewModel session;
    private final FileChoosers files;
    private final StackPane form = new StackPane();
    private final TranscriptPane transcript;
    private final CommandLineView commandLine;

    public SessionView(SessionViewModel session, ObservableList<RecentHost> recentHosts, FileChoosers files,
                       MessageViewer messages) {
        this.session = session;
        this.files = files;
        getStyleClass().add("session-view");

        ConnectionBar bar = new ConnectionBar(session, recentHosts);
        StepBar steps = new StepBar(session, this::open);
        form.getStyleClass().add("step-form-holder");
        form.setVisible(false);
        form.managedProperty().bind(form.visibleProperty());
        VBox top = new VBox(bar, steps, form);
        top.getStyleClass().add("session-top");

        Runnable openMessage = () -> openMessage(messages);
        transcript = new TranscriptPane(session.transcript(), session.services().executor(), openMessage);
        CheckBox endings = new CheckBox("Show line endings");
        endings.setId("show-line-endings");
        endings.selectedProperty().bindBidirectional(session.transcript().showLineEndingsProperty());
        CheckBox reveal = new CheckBox("Reveal passwords");
        reveal.setId("reveal-secrets");
        reveal.selectedProperty().bindBidirectional(session.transcript().revealSecretsProperty());
        CheckBox times = new CheckBox("Show times");
        times.setId("show-times");
        times.selectedProperty().bindBidirectional(session.transcript().showTimesProperty());
        // the boxes go onto a second row when the transcript is narrow (a small screen, a large zoom), never cut
        FlowPane toolbar = new FlowPane(times, endings, reveal);
        toolbar.getStyleClass().add("transcript-toolbar");
        VBox transcriptBox = new VBox(toolbar, transcript);
        VBox.setVgrow(transcript, Priority.ALWAYS);

        ExplanationPane explanation = new ExplanationPane(session.transcript(), openMessage);
        SplitPane split = new SplitPane(transcriptBox, explanation);
        split.setId("transcript-split");
        // Both sides keep their share as the window is resized. The tab is first laid out before the window has
        // its size, at the width its step buttons ask for (POP3's are many): a fixed-width explanation would keep
        // the width it got then, and squeeze the transcript and its check boxes once the window is sized.
        split.setDividerPositions(0.64);

        commandLine = new CommandLineView(session);

        setTop(top);
        setCenter(split);
        setBottom(commandLine);

        AnimationTimer clock = new AnimationTimer() {
            @Override
            public void handle(long now) {
                bar.tick(session);
            }
        };
        session.busyProperty().addListener((observable, old, busy) -> {
            bar.tick(session);
            if (busy) {
                clock.start();
            } else {
                clock.stop();
            }
        });
    }

    public SessionViewModel session() {
        return session;
    }

    public TranscriptPane transcript() {
        return transcript;
    }

    /** Opens the form of a step (the composer for DATA) above the transcript. */
    public void open(StepDefinition step) {
        if (step.isComposer()) {
            ComposerView composer = new ComposerView(new ComposerViewModel(session, ZonedDateTime.now()),
                    () -> files.openFile(getScene().getWindow(), "Attach a file"), this::closeForm);
            show(composer);
            Platform.runLater(composer::focusFirstInput);
        } else {
            StepFormView view = new StepFormView(new StepFormViewModel(step, session), this::closeForm);
            show(view);
            Platform.runLater(view::focusFirstInput);
        }
    }

    private void show(javafx.scene.Node view) {
        form.getChildren().setAll(view);
        form.setVisible(true);
    }

    private void closeForm() {
        form.getChildren().clear();
        form.setVisible(false);
        commandLine.field().requestFocus();
    }

    /** Rebuilds the selected RETR/TOP message off the UI thread (it may be 20 MB) and shows it. */
    private void openMessage(MessageViewer messages) {
        session.transcript().selectedEntry().ifPresent((TranscriptEntry entry) ->
                session.services().executor().execute(BackgroundTask.of(() ->
                                entry.explainer().retrievedText(entry.event().sequence())
                                        .map(where -> RetrievedMessage.read(entry.event().transcript(), where)))
                        .onSuccess(message -> message.ifPresent(messages::show))));
    }
}
