package dev.mailbench.app.lesson;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.mailbench.app.theme.StyleClasses;
import dev.mailbench.app.keys.KeyHelp;
import dev.mailbench.lesson.Lesson;
import dev.mailbench.lesson.LessonStep;
import dev.mailbench.lesson.LessonText;
import dev.mailbench.lesson.ParsedLesson;
import dev.mailbench.lesson.StepStatus;

import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lesson panel, beside the sessions: choose a lesson (a broken one is listed as broken, with its file:line
 * problems), read the current step, ask for a hint (one more each time), have it shown (Show me), see its state
 * (waiting, done, or the mistake explained) and the steps done so far with what they showed. Keys: Alt+L the lesson
 * list, Alt+H Hint, Alt+S Show me; Tab walks the panel in reading order. The state is a live region: a screen
 * reader hears it change, as it hears the transcript's lines.
 */
public final class LessonPanel extends ScrollPane {

    /** Style classes of the state line, one per {@link StepStatus.State}, and of a complete lesson. */
    static final String WAITING = "lesson-waiting";
    static final String MET = "lesson-met";
    static final String MISTAKE = "lesson-mistake";

    /** The panel's keys, for Help ▸ Keyboard Keys. */
    public static final List<KeyHelp> KEYS = List.of(
            new KeyHelp("Alt+L", "Go to the lesson list"),
            new KeyHelp("Alt+H", "Hint: one more hint of the current step"),
            new KeyHelp("Alt+S", "Show me: the current step done through the step buttons"));

    private final LessonPanelViewModel viewModel;
    private final ComboBox<ParsedLesson> choice = new ComboBox<>();
    private final Label meta = new Label();
    private final VBox introduction = new VBox();
    private final Label position = new Label();
    private final Label stepTitle = new Label();
    private final VBox instructions = new VBox();
    private final VBox hints = new VBox();
    private final Label state = new Label();
    private final Button hint = new Button("_Hint");
    private final Button showMe = new Button("_Show me");
    private final Button reset = new Button("Reset progress");
    private final Label message = new Label();
    /** The introduction is shown until a step is done, then folded behind this toggle (the step comes first). */
    private final ToggleButton about = new ToggleButton("About this lesson");
    private final VBox done = new VBox();
    private final VBox current = new VBox();
    private int shownStep = -2;

    public LessonPanel(LessonPanelViewModel viewModel) {
        this.viewModel = viewModel;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        Label heading = new Label("Lesson");
        heading.getStyleClass().add("lesson-heading");
        Label choose = new Label("_Lesson:");
        choose.setMnemonicParsing(true);
        choose.setLabelFor(choice);
        choice.setId("lesson-choice");
        choice.setPromptText("Choose a lesson");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.setItems(viewModel.lessons());
        choice.setCellFactory(list -> new LessonCell());
        choice.setButtonCell(new LessonCell());
        choice.valueProperty().bindBidirectional(viewModel.selectedProperty());
        choice.setAccessibleText("Lesson");

        meta.setId("lesson-meta");
        introduction.setId("lesson-introduction");
        position.setId("lesson-position");
        position.getStyleClass().add("lesson-position");
        stepTitle.setId("lesson-step-title");
        stepTitle.getStyleClass().add("lesson-step-title");
        instructions.setId("lesson-instructions");
        hints.setId("lesson-hints");
        hints.getStyleClass().add("lesson-hints");
        state.setId("lesson-state");
        state.getStyleClass().add("lesson-state");
        // read out when it changes, as the transcript's new lines are (see TranscriptRows)
        state.setAccessibleRole(AccessibleRole.TEXT);
        // on screen the state alone (the step's number and title are above it); to a screen reader the whole sentence
        state.accessibleTextProperty().bind(viewModel.announcementProperty());
        viewModel.announcementProperty().addListener((observable, old, now) ->
                state.notifyAccessibleAttributeChanged(AccessibleAttribute.TEXT));
        hint.setId("lesson-hint");
        hint.setOnAction(event -> viewModel.hint());
        showMe.setId("lesson-show-me");
        showMe.setOnAction(event -> viewModel.showMe());
        reset.setId("lesson-reset");
        reset.setOnAction(event -> viewModel.reset());
        FlowPane buttons = new FlowPane(hint, showMe, reset);
        buttons.getStyleClass().add("lesson-buttons");
        message.setId("lesson-message");
        message.getStyleClass().add("lesson-message");
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        done.setId("lesson-done");
        done.getStyleClass().add("lesson-done");

        current.getStyleClass().add("lesson-current");
        current.getChildren().addAll(position, stepTitle, instructions, hints, state, buttons);
        for (Label label : List.of(meta, position, stepTitle, state, message)) {
            wrap(label);
        }
        about.setId("lesson-about");
        about.getStyleClass().add("lesson-about");
        about.selectedProperty().addListener((observable, old, now) -> showIntroduction());
        VBox content = new VBox(heading, choose, choice, meta, message, about, introduction, current, done);
        content.getStyleClass().add("lesson-content");
        setContent(content);

        viewModel.selectedProperty().addListener((observable, old, now) -> showLesson());
        viewModel.stepsProperty().addListener((observable, old, now) -> showSteps());
        viewModel.currentIndexProperty().addListener((observable, old, now) -> showSteps());
        viewModel.hintsShownProperty().addListener((observable, old, now) -> showHints());
        showLesson();
    }

    private static void wrap(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** Puts the keyboard focus on the lesson list. */
    public void focusChoice() {
        choice.requestFocus();
    }

    private void showLesson() {
        shownStep = -2;
        introduction.getChildren().clear();
        ParsedLesson chosen = viewModel.selectedProperty().get();
        boolean usable = chosen != null && !chosen.isBroken();
        meta.setText(usable ? describe(chosen.lesson().orElseThrow()) : "");
        // where the lesson comes from is for a teacher: pointing at the line, and at the end of "About this lesson"
        meta.setTooltip(usable ? new Tooltip(source(chosen.lesson().orElseThrow())) : null);
        meta.setVisible(usable);
        meta.setManaged(usable);
        reset.setVisible(usable);
        reset.setManaged(usable);
        if (usable) {
            introduction.getChildren().add(LessonTextView.render(chosen.lesson().orElseThrow().introduction()));
            Label source = new Label(source(chosen.lesson().orElseThrow()));
            source.setId("lesson-source");
            source.getStyleClass().add("lesson-source");
            source.setWrapText(true);
            source.setMinHeight(Region.USE_PREF_SIZE);
            introduction.getChildren().add(source);
        }
        about.setSelected(false);
        showSteps();
    }

    private static String describe(Lesson lesson) {
        String level = lesson.level().name().charAt(0) + lesson.level().name().substring(1).toLowerCase(Locale.ROOT);
        return level + " · " + lesson.protocols().stream().map(Enum::name).collect(Collectors.joining(", "))
                + " · about " + lesson.minutes() + " min";
    }

    /** Where the lesson comes from, for a teacher: the course's telnet walkthroughs, by their numbers. */
    static String source(Lesson lesson) {
        return "For teachers: this lesson follows the course's telnet walkthrough " + lesson.walkthrough() + ".";
    }

    private void showSteps() {
        List<StepStatus> steps = viewModel.stepsProperty().get();
        int index = viewModel.currentIndexProperty().get();
        boolean working = !steps.isEmpty();
        current.setVisible(working);
        current.setManaged(working);
        state.getStyleClass().removeAll(WAITING, MET, MISTAKE);
        if (working) {
            if (index >= 0) {
                StepStatus status = steps.get(index);
                position.setText("Step " + (index + 1) + " of " + steps.size());
                if (index != shownStep) {
                    stepTitle.setText(status.step().title());
                    instructions.getChildren().setAll(LessonTextView.render(status.step().instructions()));
                    shownStep = index;
                    showHints();
                }
                state.getStyleClass().add(status.state() == StepStatus.State.MISTAKE ? MISTAKE : WAITING);
                state.setText(status.mistake().orElse("Waiting for you: the panel lights up when the server's reply shows the step done."));
            } else {
                position.setText("All " + steps.size() + " steps done");
                stepTitle.setText("Lesson complete");
                instructions.getChildren().clear();
                hints.getChildren().clear();
                shownStep = index;
                state.getStyleClass().add(MET);
                state.setText("Lesson complete: well done.");
            }
            hint.setDisable(index < 0 || viewModel.hintsShownProperty().get() >= steps.get(index).step().hints().size());
            showMe.setDisable(index < 0);
        }
        showDone(steps);
        showIntroduction();
    }

    private void showIntroduction() {
        boolean started = viewModel.stepsProperty().get().stream().anyMatch(StepStatus::isMet);
        about.setVisible(started);
        about.setManaged(started);
        boolean shown = !introduction.getChildren().isEmpty() && (!started || about.isSelected());
        introduction.setVisible(shown);
        introduction.setManaged(shown);
    }

    private void showHints() {
        hints.getChildren().clear();
        viewModel.current().ifPresent(status -> {
            List<LessonText> all = status.step().hints();
            int shown = viewModel.hintsShownProperty().get();
            for (int i = 0; i < shown && i < all.size(); i++) {
                Label label = new Label("Hint " + (i + 1) + " of " + all.size());
                label.getStyleClass().add("lesson-hint-heading");
                VBox text = LessonTextView.render(all.get(i));
                text.setId("lesson-hint-" + (i + 1));
                hints.getChildren().addAll(label, text);
            }
            hint.setText(shown == 0 ? "_Hint" : shown < all.size() ? "_Hint (" + (all.size() - shown) + " more)" : "_Hint");
            hint.setDisable(shown >= all.size());
        });
    }

    private void showDone(List<StepStatus> steps) {
        done.getChildren().clear();
        if (steps.stream().noneMatch(StepStatus::isMet)) {
            return;
        }
        Label heading = new Label("Done so far");
        heading.getStyleClass().add("lesson-done-heading");
        done.getChildren().add(heading);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).isMet()) {
                LessonStep step = steps.get(i).step();
                Label title = new Label("✓ " + (i + 1) + ". " + step.title());
                title.getStyleClass().addAll("lesson-done-title", MET);
                wrap(title);
                VBox seen = LessonTextView.render(step.seen());
                done.getChildren().addAll(title, seen);
            }
        }
    }

    /** A lesson in the list: its title, or its id marked broken. */
    private static final class LessonCell extends ListCell<ParsedLesson> {
        @Override
        protected void updateItem(ParsedLesson item, boolean empty) {
            super.updateItem(item, empty);
            StyleClasses.keepOnly(getStyleClass(), item != null && !empty && item.isBroken() ? "lesson-broken" : null,
                    "lesson-broken");
            if (empty || item == null) {
                setText(null);
            } else if (item.isBroken()) {
                setText(item.id() + " (broken: " + item.problems().get(0) + ")");
            } else {
                setText(item.lesson().orElseThrow().title());
            }
        }
    }
}
