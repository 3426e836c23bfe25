package dev.mailbench.app.diagram;

import java.util.List;
import java.util.function.Consumer;

import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.steps.StepBar;
import dev.mailbench.app.steps.StepDefinition;
import dev.mailbench.app.steps.Steps;
import dev.mailbench.diagram.StateDiagram;
import dev.mailbench.diagram.StateNode;
import dev.mailbench.wire.Verb;

import javafx.application.Platform;
import javafx.collections.SetChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.geometry.Pos;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The protocol's states in a row (RFC 5321 §4.1.4 for SMTP, RFC 1939 §3 for POP3), the session's current state lit,
 * with the verbs legal from it (before a connection, the first state's). The current state's verbs are the step bar's: legal and forward as the session
 * says now, and a click on one opens its step exactly as its step button does. The states and their verbs are
 * {@link StateDiagram}'s, read from the verb specification; nothing here decides what is legal.
 */
public final class StateDiagramView extends ScrollPane {

    /** Pseudo-class of the state the session is in. */
    public static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final SessionViewModel session;
    private final Consumer<StepDefinition> open;
    private final HBox states = new HBox();
    private List<StateNode> nodes = List.of();

    public StateDiagramView(SessionViewModel session, Consumer<StepDefinition> open) {
        this.session = session;
        this.open = open;
        setId("state-diagram");
        getStyleClass().add("state-diagram");
        states.getStyleClass().add("state-diagram-row");
        // a state that is not lit is its title alone, its own size, not a tall empty box beside the lit one
        states.setFillHeight(false);
        states.setAlignment(Pos.CENTER_LEFT);
        setContent(states);
        setFitToHeight(true);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        setVbarPolicy(ScrollBarPolicy.NEVER);
        rebuild();
        session.protocolProperty().addListener((observable, old, now) -> rebuild());
        session.phaseProperty().addListener((observable, old, now) -> light());
        session.legalVerbs().addListener((SetChangeListener<Verb>) change -> light());
        session.forwardVerbs().addListener((SetChangeListener<Verb>) change -> light());
        session.connectedProperty().addListener((observable, old, now) -> light());
        // shown for the first time, or resized: the lit state stays in view
        viewportBoundsProperty().addListener((observable, old, now) -> Platform.runLater(this::scrollToCurrent));
    }

    private void rebuild() {
        states.getChildren().clear();
        nodes = StateDiagram.of(session.protocolProperty().get());
        List<StepDefinition> steps = Steps.of(session.protocolProperty().get());
        for (int i = 0; i < nodes.size(); i++) {
            StateNode node = nodes.get(i);
            if (i > 0) {
                Label arrow = new Label(node.mainPath() && nodes.get(i - 1).mainPath() ? "→" : "⇄");
                arrow.getStyleClass().add("state-arrow");
                states.getChildren().add(arrow);
            }
            Label title = new Label(node.title());
            title.getStyleClass().add("state-title");
            title.setMinWidth(Region.USE_PREF_SIZE);
            // the verbs legal from a state show under it while it is lit; the others are their titles alone
            FlowPane verbs = new FlowPane();
            verbs.getStyleClass().add("state-verbs");
            verbs.setPrefWrapLength(240);
            verbs.managedProperty().bind(verbs.visibleProperty());
            for (Verb verb : node.verbs()) {
                steps.stream().filter(step -> step.verb() == verb).findFirst().ifPresent(step -> {
                    Button button = new Button(verb.keyword());
                    button.setId("state-" + node.phase().name() + "-" + verb.keyword());
                    button.getStyleClass().addAll("state-verb", "step");
                    button.setUserData(verb);
                    button.setFocusTraversable(false);
                    button.disableProperty().bind(session.connectedProperty().not().or(session.busyProperty()));
                    button.setOnAction(event -> open.accept(step));
                    verbs.getChildren().add(button);
                });
            }
            VBox box = new VBox(title, verbs);
            box.setId("state-" + node.phase().name());
            box.getStyleClass().add("state-node");
            box.setUserData(node);
            Tooltip.install(box, new Tooltip(node.summary()));
            states.getChildren().add(box);
        }
        light();
    }

    /** Lights the session's state, and marks its verbs as the step bar marks its buttons. */
    private void light() {
        int current = session.connectedProperty().get() ? StateDiagram.indexOf(nodes, session.phaseProperty().get()) : -1;
        for (var child : states.getChildren()) {
            if (!(child instanceof VBox box) || !(box.getUserData() instanceof StateNode node)) {
                continue;
            }
            boolean lit = current >= 0 && nodes.get(current) == node;
            box.pseudoClassStateChanged(CURRENT, lit);
            FlowPane verbs = (FlowPane) box.getChildren().get(1);
            verbs.setVisible(lit || current < 0 && node == nodes.get(0));
            for (var verbNode : verbs.getChildren()) {
                Verb verb = (Verb) verbNode.getUserData();
                verbNode.getStyleClass().removeAll(StepBar.LEGAL, StepBar.FORWARD, StepBar.OUT_OF_SEQUENCE);
                if (lit) {
                    boolean legal = session.legalVerbs().contains(verb);
                    verbNode.getStyleClass().add(legal ? StepBar.LEGAL : StepBar.OUT_OF_SEQUENCE);
                    if (legal && session.forwardVerbs().contains(verb)) {
                        verbNode.getStyleClass().add(StepBar.FORWARD);
                    }
                } else {
                    verbNode.getStyleClass().add(StepBar.OUT_OF_SEQUENCE);
                }
            }
        }
        // once laid out with the new state: the lit state's place is known then
        Platform.runLater(this::scrollToCurrent);
    }

    /** Scrolls the row of states so that the lit one is in view (a narrow window shows a few at a time). */
    private void scrollToCurrent() {
        for (var child : states.getChildren()) {
            if (child instanceof VBox box && box.getPseudoClassStates().contains(CURRENT)) {
                double hidden = states.getWidth() - getViewportBounds().getWidth();
                if (hidden > 0) {
                    double left = box.getBoundsInParent().getMinX();
                    double right = box.getBoundsInParent().getMaxX();
                    double shownFrom = getHvalue() * hidden;
                    double shownTo = shownFrom + getViewportBounds().getWidth();
                    if (left < shownFrom || right > shownTo) {
                        setHvalue(Math.max(0, Math.min(1, (left - 8) / hidden)));
                    }
                }
                return;
            }
        }
    }

    /** The height that shows the row of states whole, with room for the horizontal scroll bar. */
    public double wantedHeight() {
        return states.prefHeight(-1) + snappedTopInset() + snappedBottomInset() + 32;
    }

    /** The title of the state now lit, or empty when none is (not connected, or in a state not drawn). */
    public String currentState() {
        int current = session.connectedProperty().get() ? StateDiagram.indexOf(nodes, session.phaseProperty().get()) : -1;
        return current < 0 ? "" : nodes.get(current).title();
    }
}
