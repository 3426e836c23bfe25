package dev.mailbench.app.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;

import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.StyleClassDecoration;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Marks the inputs whose value cannot be used, with ControlsFX's validation: the field gets a coloured border
 * ({@value #INVALID}) and a "!" at its corner ({@value #MARK}) whose tooltip says why; the colours are the
 * themes' ({@code -mb-invalid}). A form shows the first reason in words beside its button, which is disabled
 * meanwhile ({@link #firstProblem}).
 */
public final class InputValidation {

    /** Style class of an input whose value cannot be used. */
    public static final String INVALID = "input-invalid";
    /** Style class of the mark at the corner of such an input. */
    public static final String MARK = "validation-mark";

    private final ValidationSupport support = new ValidationSupport();

    public InputValidation() {
        support.setValidationDecorator(new Marks());
    }

    /** Checks {@code input}'s text with {@code problem} (a sentence when the value cannot be used) as it changes. */
    public InputValidation check(TextInputControl input, Function<String, Optional<String>> problem) {
        support.registerValidator(input, false, (Control control, String value) -> {
            Optional<String> wrong = problem.apply(value == null ? "" : value);
            return ValidationResult.fromErrorIf(control, wrong.orElse(""), wrong.isPresent());
        });
        return this;
    }

    /** True while a checked input's value cannot be used. */
    public ObservableBooleanValue invalid() {
        return support.invalidProperty();
    }

    /** The first reason a checked input cannot be used, in the order they were checked; empty when none. */
    public StringBinding firstProblem() {
        return Bindings.createStringBinding(() -> {
            ValidationResult result = support.getValidationResult();
            if (result == null) {
                return "";
            }
            for (Control control : support.getRegisteredControls()) {
                Optional<ValidationMessage> message = support.getHighestMessage(control);
                if (message.isPresent() && message.get().getSeverity() == Severity.ERROR) {
                    return message.get().getText();
                }
            }
            return "";
        }, support.validationResultProperty());
    }

    /** The decoration: the theme's border on the input and a "!" with the reason as its tooltip. */
    private static final class Marks extends GraphicValidationDecoration {
        @Override
        protected Node createErrorNode() {
            Label mark = new Label("!");
            mark.getStyleClass().add(MARK);
            return mark;
        }

        @Override
        protected Collection<Decoration> createValidationDecorations(ValidationMessage message) {
            List<Decoration> decorations = new ArrayList<>(super.createValidationDecorations(message));
            decorations.add(new StyleClassDecoration(INVALID));
            return decorations;
        }

        @Override
        protected Collection<Decoration> createRequiredDecorations(Control target) {
            return List.of();
        }
    }
}
