package dev.mailbench.app.workbench;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** The <b>Replay against…</b> button of a session tab, live or read-only. */
final class ReplayButton {

    private ReplayButton() {
    }

    static Button of(Runnable replay) {
        Button button = new Button("Replay…");
        button.setId("replay-against");
        button.setTooltip(new Tooltip("Send this session's lines again to a server and compare the replies"));
        button.setOnAction(event -> replay.run());
        return button;
    }
}
