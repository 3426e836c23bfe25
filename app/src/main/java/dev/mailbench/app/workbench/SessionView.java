package dev.mailbench.app.workbench;

import java.time.ZonedDateTime;

import dev.mailbench.app.compose.ComposerView;
import dev.mailbench.app.compose.ComposerViewModel;
import dev.mailbench.app.config.RecentHost;
import dev.mailbench.app.diagram.StateDiagramView;
import dev.mailbench.app.ladder.LadderView;
import dev.mailbench.app.ladder.LadderViewModel;
import dev.mailbench.app.dialog.FileChoosers;
import dev.mailbench.app.session.CommandLineView;
import dev.mailbench.app.session.ConnectionBar;
import dev.mailbench.app.session.NotConnectedBar;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.steps.StepBar;
import dev.mailbench.app.steps.StepDefinition;
import dev.mailbench.app.steps.StepFormView;
import dev.mailbench.app.steps.StepFormViewModel;
import dev.mailbench.app.task.BackgroundTask;
import dev.mailbench.app.transcript.ExplanationPane;
import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.app.transcript.TranscriptPane;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.retrieval.RetrievedMessage;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.geometry.Orientation;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
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

    private final FlowPane toolbar;

    private final SessionViewModel session;
    private final FileChoosers files;
    private final StackPane form = new StackPane();
    private final TranscriptPane transcript;
    private final CommandLineView commandLine;
    private final LadderView ladder;
    private final StateDiagramView stateDiagram;
    private final ToggleButton ladderToggle = new ToggleButton("Ladder");
    private final ToggleButton statesToggle = new ToggleButton("States");
    private final SplitPane views = new SplitPane();

    /** Narrower than this many of its letters' size, the session shows the explanation under the transcript. */
    static final double NARROW_EMS = 36;

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
        CheckBox endings = new CheckBox("Line endings");
        endings.setId("show-line-endings");
        endings.selectedProperty().bindBidirectional(session.transcript().showLineEndingsProperty());
        CheckBox reveal = new CheckBox("Reveal passwords");
        reveal.setId("reveal-secrets");
        reveal.selectedProperty().bindBidirectional(session.transcript().revealSecretsProperty());
        CheckBox times = TranscriptPane.timesToggle(session.transcript());
        // a retrieved message can be opened as soon as its final dot arrives, without finding a line of it first
        Button openRetrieved = new Button();
        openRetrieved.setId("open-retrieved-message");
        openRetrieved.textProperty().bind(Bindings.createStringBinding(() -> {
            TranscriptEntry latest = session.transcript().latestMessageProperty().get();
            return latest == null ? "" : "Open as Message (" + TranscriptViewModel.retrievalCommand(latest) + ")";
        }, session.transcript().latestMessageProperty()));
        openRetrieved.visibleProperty().bind(session.transcript().latestMessageProperty().isNotNull());
        openRetrieved.managedProperty().bind(openRetrieved.visibleProperty());
        openRetrieved.setOnAction(event -> openLatestMessage(messages));
        // a row of its own, shown once a message has arrived, so the check boxes keep their labels
        HBox retrievedBar = new HBox(openRetrieved);
        retrievedBar.getStyleClass().add("transcript-toolbar");
        retrievedBar.visibleProperty().bind(openRetrieved.visibleProperty());
        retrievedBar.managedProperty().bind(retrievedBar.visibleProperty());
        // the boxes go onto a second row when the transcript is narrow (a small screen, a large zoom), never cut
        ladderToggle.setId("toggle-ladder");
        ladderToggle.setTooltip(new Tooltip("Show the conversation as a ladder: an arrow per command and per reply"));
        statesToggle.setId("toggle-states");
        statesToggle.setTooltip(new Tooltip("Show the protocol's states, the current one lit, and the verbs legal in each"));
        toolbar = new FlowPane(times, endings, reveal, ladderToggle, statesToggle);
        toolbar.getStyleClass().add("transcript-toolbar");
        commandLine = new CommandLineView(session);
        NotConnectedBar notConnected = new NotConnectedBar(session, this::focusCommandLine);
        LadderViewModel ladderModel = new LadderViewModel(session.transcript(), Platform::runLater);
        ladder = new LadderView(ladderModel);
        ladderModel.shownProperty().bind(ladderToggle.selectedProperty());
        stateDiagram = new StateDiagramView(session, this::open);
        // the state diagram, the ladder and the transcript share the column, one above the other, as toggled
        views.setId("session-views");
        views.setOrientation(Orientation.VERTICAL);
        views.getItems().setAll(transcript);
        ladderToggle.selectedProperty().addListener((observable, old, now) -> arrangeViews());
        statesToggle.selectedProperty().addListener((observable, old, now) -> arrangeViews());
        VBox transcriptBox = new VBox(notConnected, retrievedBar, views);
        VBox.setVgrow(views, Priority.ALWAYS);

        ExplanationPane explanation = new ExplanationPane(session.transcript(), session.services().catalogue(),
                openMessage);
        SplitPane split = new SplitPane(transcriptBox, explanation);
        split.setId("transcript-split");
        // Both sides keep their share as the window is resized. The tab is first laid out before the window has
        // its size, at the width its step buttons ask for (POP3's are many): a fixed-width explanation would keep
        // the width it got then, and squeeze the transcript and its check boxes once the window is sized.
        split.setDividerPositions(0.64);
        // where the session is narrow (a projector's text beside the practice panel, a zoom), the explanation goes
        // under the transcript at the session's whole width, not into a sliver beside it that breaks its words
        split.widthProperty().addListener((observable, old, now) -> placeExplanation(split, endings));
        endings.fontProperty().addListener((observable, old, now) -> placeExplanation(split, endings));

        // the check boxes span the transcript and its explanation: at a large zoom they take one row, not three
        VBox centre = new VBox(toolbar, split);
        VBox.setVgrow(split, Priority.ALWAYS);

        setTop(top);
        setCenter(centre);
        setBottom(commandLine);

        AnimationTimer clock = new AnimationTimer() {
            @Override
            public void handle(long now) {
                bar.tick(session);
            }
        };
        // A Connect or Disconnect button that is disabled, or a bar that hides, hands the focus on to whatever the
        // scene finds next, in the practice server's panel: the keys belong to this tab's command line instead.
        session.connectedProperty().addListener((observable, old, now) -> Platform.runLater(this::keepFocus));
        session.busyProperty().addListener((observable, old, busy) -> {
            bar.tick(session);
            if (busy) {
                clock.start();
            } else {
                clock.stop();
            }
        });
    }

    /** Shows the state diagram, the ladder and the transcript that are toggled on, in that order from the top. */
    private void arrangeViews() {
        views.getItems().clear();
        if (statesToggle.isSelected()) {
            views.getItems().add(stateDiagram);
            SplitPane.setResizableWithParent(stateDiagram, false);
        }
        if (ladderToggle.isSelected()) {
            views.getItems().add(ladder);
        }
        views.getItems().add(transcript);
        int count = views.getItems().size();
        if (count == 2) {
            views.setDividerPositions(statesToggle.isSelected() ? 0.3 : 0.7);
        } else if (count == 3) {
            views.setDividerPositions(0.28, 0.76);
        }
        if (statesToggle.isSelected()) {
            Platform.runLater(this::fitStateDiagram);
        }
    }

    /** Gives the state diagram the height it asks for (its lit state's verbs whole), at most three fifths of the column. */
    private void fitStateDiagram() {
        double height = views.getHeight();
        if (height <= 0 || views.getItems().isEmpty() || views.getItems().get(0) != stateDiagram) {
            return;
        }
        stateDiagram.applyCss(); // just added to the scene: its sizes count once its styles apply
        double wanted = stateDiagram.wantedHeight();
        double first = Math.min(0.6, wanted / height);
        double[] positions = views.getDividerPositions();
        if (positions.length == 2) {
            views.setDividerPositions(first, Math.max(positions[1], first + 0.15));
        } else if (positions.length == 1) {
            views.setDividerPositions(first);
        }
    }

    /** Shows or hides this tab's ladder (View ▸ Ladder, the Ladder toggle). */
    public void toggleLadder() {
        ladderToggle.setSelected(!ladderToggle.isSelected());
    }

    /** Shows or hides this tab's state diagram (View ▸ State Diagram, the States toggle). */
    public void toggleStateDiagram() {
        statesToggle.setSelected(!statesToggle.isSelected());
    }

    public LadderView ladder() {
        return ladder;
    }

    public StateDiagramView stateDiagram() {
        return stateDiagram;
    }

    /** Puts the keyboard focus in the command line, where typing a command starts. */
    public void focusCommandLine() {
        commandLine.field().requestFocus();
        commandLine.field().end();
    }

    /** After a connection starts or ends, takes the focus back into the tab if it left it (or went nowhere). */
    private void keepFocus() {
        if (getScene() == null || !showing()) {
            return;
        }
        Node owner = getScene().getFocusOwner();
        if (owner == null || owner.isDisabled() || !inside(owner)) {
            focusCommandLine();
        }
    }

    /** Whether this tab is in front: it and its parents are visible. */
    private boolean showing() {
        for (Node node = this; node != null; node = node.getParent()) {
            if (!node.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private boolean inside(Node node) {
        for (Node parent = node; parent != null; parent = parent.getParent()) {
            if (parent == this) {
                return true;
            }
        }
        return false;
    }

    /** Adds <b>Replay against…</b> to the tab's toolbar. */
    void onReplay(Runnable replay) {
        toolbar.getChildren().add(ReplayButton.of(replay));
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

    private void show(Node view) {
        form.getChildren().setAll(view);
        form.setVisible(true);
    }

    private void closeForm() {
        form.getChildren().clear();
        form.setVisible(false);
        commandLine.field().requestFocus();
    }

    /** Rebuilds the newest complete RETR/TOP message off the UI thread and shows it. */
    private void openLatestMessage(MessageViewer messages) {
        TranscriptEntry entry = session.transcript().latestMessageProperty().get();
        if (entry != null) {
            openMessage(entry, messages);
        }
    }

    private void openMessage(TranscriptEntry entry, MessageViewer messages) {
        session.services().executor().execute(BackgroundTask.of(() ->
                        entry.explainer().retrievedText(entry.event().sequence())
                                .map(where -> RetrievedMessage.read(entry.event().transcript(), where)))
                .onSuccess(message -> message.ifPresent(messages::show)));
    }

    /** Rebuilds the selected RETR/TOP message off the UI thread (it may be 20 MB) and shows it. */
    private void openMessage(MessageViewer messages) {
        session.transcript().selectedEntry().ifPresent((TranscriptEntry entry) ->
                session.services().executor().execute(BackgroundTask.of(() ->
                                entry.explainer().retrievedText(entry.event().sequence())
                                        .map(where -> RetrievedMessage.read(entry.event().transcript(), where)))
                        .onSuccess(message -> message.ifPresent(messages::show))));
    }

    /**
     * The explanation beside the transcript, or under it where the session is narrower than {@value #NARROW_EMS}
     * times the text's size ({@code reference}'s font). Turning the split does not change its width, so the two do
     * not take turns.
     */
    private static void placeExplanation(SplitPane split, Labeled reference) {
        double ems = split.getWidth() / reference.getFont().getSize();
        Orientation wanted = ems > 0 && ems < NARROW_EMS ? Orientation.VERTICAL : Orientation.HORIZONTAL;
        if (split.getOrientation() != wanted) {
            split.setOrientation(wanted);
            split.setDividerPositions(wanted == Orientation.VERTICAL ? 0.6 : 0.64);
        }
    }
}
