package dev.mailbench.app.steps;

import java.util.List;
import java.util.function.Consumer;

import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.wire.Verb;

import javafx.collections.SetChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * One button per verb, in the order of a normal dialogue. Buttons a correct client would use now carry the
 * style class {@value #LEGAL}, those of them that move the dialogue forward also {@value #FORWARD}; the others {@value #OUT_OF_SEQUENCE}, drawn quieter but still working, so a
 * student can send one and meet the server's 503.
 */
public final class StepBar extends FlowPane {

    /** Style class of a step that is legal in the session's state. */
    public static final String LEGAL = "legal";
    /** Style class of a legal step that also moves the dialogue forward (EHLO, MAIL, RCPT …), not merely allowed. */
    public static final String FORWARD = "forward";
    /** Style class of a step that is not: it can still be sent. */
    public static final String OUT_OF_SEQUENCE = "out-of-sequence";
    /** Style class of a step that would send a password outside TLS. */
    public static final String NOT_ENCRYPTED = "not-encrypted";

    private final SessionViewModel session;
    private final Consumer<StepDefinition> open;

    public StepBar(SessionViewModel session, Consumer<StepDefinition> open) {
        this.session = session;
        this.open = open;
        setId("step-bar");
        getStyleClass().add("step-bar");
        rebuild();
        session.protocolProperty().addListener((observable, old, now) -> rebuild());
        session.legalVerbs().addListener((SetChangeListener<Verb>) change -> highlight());
        session.forwardVerbs().addListener((SetChangeListener<Verb>) change -> highlight());
        session.tlsProperty().addListener((observable, old, now) -> highlight());
        session.connectedProperty().addListener((observable, old, now) -> highlight());
    }

    private void rebuild() {
        getChildren().clear();
        List<StepDefinition> steps = Steps.of(session.protocolProperty().get());
        for (StepDefinition step : steps) {
            Button button = new Button(step.label());
            button.setId("step-" + step.verb().keyword());
            button.getStyleClass().add("step");
            button.setUserData(step);
            button.setFocusTraversable(true);
            button.setTooltip(new Tooltip(tooltip(step)));
            button.disableProperty().bind(session.connectedProperty().not().or(session.busyProperty()));
            button.setOnAction(event -> open.accept(step));
            getChildren().add(button);
        }
        highlight();
    }

    private void highlight() {
        getChildren().forEach(node -> {
            StepDefinition step = (StepDefinition) node.getUserData();
            boolean legal = session.legalVerbs().contains(step.verb());
            node.getStyleClass().removeAll(LEGAL, FORWARD, OUT_OF_SEQUENCE, NOT_ENCRYPTED);
            node.getStyleClass().add(legal ? LEGAL : OUT_OF_SEQUENCE);
            if (legal && session.forwardVerbs().contains(step.verb())) {
                node.getStyleClass().add(FORWARD);
            }
            Button button = (Button) node;
            // a password about to leave in clear text says so on the button itself (RFC 8314 §3)
            boolean clearText = session.connectedProperty().get() && !session.tlsProperty().get()
                    && step.carriesCredentials(session.driver());
            button.setText(clearText ? step.label() + " (not encrypted)" : step.label());
            if (clearText) {
                button.getStyleClass().add(NOT_ENCRYPTED);
            }
        });
    }

    private String tooltip(StepDefinition step) {
        return session.services().catalogue().verb(step.verb()).map(verb -> verb.syntax() + "\n" + verb.purpose()).orElse(step.label());
    }
}
