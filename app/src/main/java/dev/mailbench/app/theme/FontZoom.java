package dev.mailbench.app.theme;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * The View ▸ Zoom state: a scale over the theme's font size, moved in fixed steps so that
 * zooming in and out again returns exactly to where it started. {@link ThemeManager} turns it into the
 * window's font size.
 */
public final class FontZoom {

    private static final double[] STEPS = {0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5};
    private static final int NORMAL = 2;

    private int step = NORMAL;
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", STEPS[NORMAL]);

    /** 1.0 is the theme's own size; 1.25 is a quarter larger. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public double scale() {
        return scale.get();
    }

    public void zoomIn() {
        moveTo(Math.min(step + 1, STEPS.length - 1));
    }

    public void zoomOut() {
        moveTo(Math.max(step - 1, 0));
    }

    public void reset() {
        moveTo(NORMAL);
    }

    public BooleanBinding atLargest() {
        return scale.isEqualTo(STEPS[STEPS.length - 1], 0.0);
    }

    public BooleanBinding atSmallest() {
        return scale.isEqualTo(STEPS[0], 0.0);
    }

    private void moveTo(int newStep) {
        step = newStep;
        scale.set(STEPS[step]);
    }
}
