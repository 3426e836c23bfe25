package dev.mailbench.app;

import javafx.application.Platform;
import javafx.scene.Scene;

/** Work to do once the window has been drawn for the first time, so that it does not delay that first frame. */
final class FirstFrame {

    private FirstFrame() {
    }

    /** Runs {@code action} on the UI thread after the scene's first pulse has been laid out and drawn. */
    static void then(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // after the listener, the pulse goes on to draw the frame; a runLater runs once it has
            Platform.runLater(action);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
