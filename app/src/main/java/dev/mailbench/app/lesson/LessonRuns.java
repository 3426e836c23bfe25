package dev.mailbench.app.lesson;

import javafx.scene.Node;
import javafx.scene.text.Text;

/** A run of a lesson's text in a paragraph, styled by its class ({@code lesson-code}, {@code lesson-strong} …). */
final class LessonRuns {

    private LessonRuns() {
    }

    static Node run(String text, String styleClass) {
        Text run = new Text(text);
        run.getStyleClass().add(styleClass);
        return run;
    }
}
