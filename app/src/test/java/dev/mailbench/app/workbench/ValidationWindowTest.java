package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import dev.mailbench.app.practice.PracticeServerSource;
import dev.mailbench.app.session.InputValidation;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.smtp.SmtpPhase;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads when a value cannot be used: the field is marked (ControlsFX validation), its mark says why,
 * the line under it says why, and the button that would use it waits. The step form first, then the connection
 * bar of the same tab once it is disconnected.
 */
class ValidationWindowTest {

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
    void aBadAddressAndABadPortAreMarkedAndSaidAndTheirButtonsWait() throws Exception {
        PracticeServerSource onFreePorts = () -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0);
        window = new WindowDriver(temp.resolve("config"), Optional.empty(), Optional.of(onFreePorts));
        window.awaitState(SmtpPhase.GREETED.description());

        // MAIL FROM with something that is not an address
        window.click("#step-MAIL");
        window.await(() -> window.robot().lookup("#step-send").tryQuery().isPresent(), "the MAIL form");
        assertThat(window.node("#step-send").isDisabled()).as("the prefilled sender is an address").isFalse();
        window.retype("#field-address", "alice at example.test");
        window.await(() -> window.styleClasses("#field-address").contains(InputValidation.INVALID), "the sender marked");
        assertThat(window.text("#step-problem"))
                .startsWith("Sender is not an address: write it as local-part@domain (RFC 5321 §4.1.2).");
        assertThat(mark()).as("the mark's tooltip").contains("Sender is not an address");
        assertThat(window.node("#step-send").isDisabled()).isTrue();
        window.retype("#field-address", "alice@example.test");
        window.await(() -> !window.styleClasses("#field-address").contains(InputValidation.INVALID), "the mark gone");
        assertThat(window.node("#step-send").isDisabled()).isFalse();
        window.robot().push(KeyCode.ESCAPE);

        // a port no TCP connection can use, once the tab is disconnected
        window.click("#disconnect");
        window.await(() -> window.shown("#connect"), "the connection settings again");
        window.retype("#port", "70000");
        window.await(() -> window.styleClasses("#port").contains(InputValidation.INVALID), "the port marked");
        assertThat(window.text("#connection-invalid")).isEqualTo("The port must be a number from 1 to 65535.");
        assertThat(window.shown("#connection-invalid")).isTrue();
        assertThat(mark()).isEqualTo("The port must be a number from 1 to 65535.");
        assertThat(window.node("#connect").isDisabled()).isTrue();

        window.retype("#port", "25");
        window.await(() -> !window.node("#connect").isDisabled(), "Connect to be usable again");
        assertThat(window.shown("#connection-invalid")).isFalse();
    }

    /** The tooltip of the "!" mark shown on the window (the decoration puts the mark in a label that has it). */
    private String mark() {
        return WindowDriver.onFx(() -> window.robot().lookup("." + InputValidation.MARK).queryAll().stream()
                .filter(Node::isVisible).map(ValidationWindowTest::tooltip).flatMap(Optional::stream)
                .findFirst().orElse(""));
    }

    private static Optional<String> tooltip(Node mark) {
        for (Node node = mark; node != null; node = node.getParent()) {
            if (node instanceof Label label && label.getTooltip() != null) {
                return Optional.of(label.getTooltip().getText());
            }
        }
        return Optional.empty();
    }
}
