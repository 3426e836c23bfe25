package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;

import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;

import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that accepts the connection and never says a word: the window keeps working, shows the wait, and cancels. */
class SilentServerTest {

    @TempDir
    Path temp;

    private ServerSocket silent;
    private WindowDriver window;

    @BeforeEach
    void openTheWindowOnASilentServer() throws Exception {
        // The listening socket completes TCP handshakes by itself; nobody ever reads or writes.
        silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        window = new WindowDriver(temp, Optional.of(new ConnectionSettings("127.0.0.1", silent.getLocalPort(),
                MailProtocol.SMTP, TlsMode.NONE)));
    }

    @AfterEach
    void closeEverything() throws Exception {
        window.close();
        silent.close();
    }

    @Test
    void theWaitIsVisibleTheWindowAnswersAndCancelEndsIt() {
        window.await(() -> window.shown("#cancel"), "the Cancel button");
        assertThat(window.text("#busy-with")).isEqualTo("Waiting for connecting to 127.0.0.1:" + silent.getLocalPort());
        String first = window.text("#elapsed");
        assertThat(first).matches("\\d+\\.\\d s");
        window.await(() -> !window.text("#elapsed").equals(first), "the elapsed time to move on");

        // the window still answers the user while it waits
        window.click("#show-line-endings");
        assertThat(WindowDriver.onFx(() -> ((CheckBox) window.node("#show-line-endings")).isSelected())).isTrue();
        assertThat(window.node("#step-EHLO").isDisabled()).as("one thing at a time").isTrue();

        window.click("#cancel");

        window.awaitState("not connected");
        window.await(() -> !window.shown("#cancel"), "the wait to end");
        assertThat(window.node("#connect").isDisabled()).isFalse();
        assertThat(window.text("#session-problem")).isNotEmpty();
    }
}
