package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import dev.mailbench.app.diagram.StateDiagramView;
import dev.mailbench.app.ladder.LadderView;
import dev.mailbench.app.ladder.LadderViewModel;
import dev.mailbench.app.practice.PracticeServerSource;
import dev.mailbench.ladder.RowKind;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.smtp.SmtpPhase;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ladder and the state diagram in a tab talking to the practice server: toggled by their keys, the ladder grows
 * as the session does, an arrow and its transcript line select each other (and the explanation follows), the state
 * diagram lights the session's state and a click on a verb there sends it as its step button does.
 */
class LadderWindowTest {

    @TempDir
    Path temp;
    private WindowDriver window;

    @AfterEach
    void closeTheWindow() throws Exception {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void theLadderAndTheStateDiagramFollowTheSessionAndTheTranscript() throws Exception {
        PracticeServerSource onFreePorts = () -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0);
        window = new WindowDriver(temp.resolve("config"), Optional.empty(), Optional.of(onFreePorts));
        window.awaitState(SmtpPhase.GREETED.description());

        // View ▸ Ladder, by its key
        window.click("#command-line");
        window.robot().push(KeyCode.CONTROL, KeyCode.L);
        window.await(() -> window.shown("#ladder"), "the ladder");
        LadderView ladder = window.node("#ladder");
        LadderViewModel rows = ladder.model();
        window.await(() -> rows.size() > 0 && rows.row(rows.size() - 1).label().startsWith("220"), "the greeting's arrow");

        // it grows as the session does, and keeps the newest arrow in view
        window.type("#command-line", "EHLO client.example.test");
        window.robot().push(KeyCode.ENTER);
        window.awaitState(SmtpPhase.READY.description());
        window.await(() -> rows.row(rows.size() - 1).kind() == RowKind.REPLY
                && rows.row(rows.size() - 1).label().equals("250"), "the arrow of EHLO's reply");
        int ehlo = WindowDriver.onFx(() -> rows.row(rows.size() - 1).answers());
        assertThat(WindowDriver.onFx(() -> rows.row(ehlo).label())).isEqualTo("EHLO");
        window.await(() -> ladder.visibleRows().contains(rows.size() - 1), "the newest arrow in view");

        // an arrow selects its line in the transcript, and the line's explanation
        window.click(WindowDriver.onFx(() -> ladder.cellOf(ehlo).orElseThrow()));
        int ehloLine = WindowDriver.onFx(() -> rows.lineOfRow(ehlo));
        window.await(() -> window.transcriptPane().isSelected(ehloLine), "EHLO's line selected in the transcript");
        window.await(() -> window.text("#explanation-title").startsWith("EHLO client.example.test"),
                "the explanation of EHLO");

        // and a line selects its arrow
        int greetingLine = window.awaitLine(line -> line.contains("S: 220 "), "the greeting");
        window.clickLine(greetingLine);
        int greeting = WindowDriver.onFx(() -> rows.rowOfLine(greetingLine));
        window.await(() -> rows.selectedProperty().get() == greeting, "the greeting's arrow selected");
        window.await(() -> ladder.cellOf(greeting).map(cell -> cell.getPseudoClassStates().stream()
                .anyMatch(state -> state.getPseudoClassName().equals("selected"))).orElse(false),
                "the greeting's arrow drawn selected");
        assertThat(window.text("#explanation-title")).startsWith("220 ");

        // View ▸ State Diagram: the session's state lit, and a verb there acts as its step button
        window.click("#command-line");
        window.robot().push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        window.await(() -> window.shown("#state-diagram"), "the state diagram");
        StateDiagramView diagram = window.node("#state-diagram");
        window.await(() -> diagram.currentState().equals("ready"), "the ready state lit");
        assertThat(current(window.node("#state-READY"))).isTrue();
        assertThat(current(window.node("#state-GREETED"))).isFalse();
        window.click("#state-READY-MAIL");
        window.await(() -> window.robot().lookup("#step-send").tryQuery().isPresent(), "the MAIL form");
        window.click("#step-send");
        window.awaitState(SmtpPhase.MAIL_GIVEN.description());
        window.await(() -> current(window.node("#state-MAIL_GIVEN")), "the sender-accepted state lit");
        window.await(() -> rows.row(rows.size() - 1).label().startsWith("250"), "the arrow of MAIL's reply");
    }

    private static boolean current(Node state) {
        return WindowDriver.onFx(() -> state.getPseudoClassStates().contains(StateDiagramView.CURRENT));
    }
}
