package dev.mailbench.app.transcript;

import java.util.concurrent.Callable;

import org.testfx.util.WaitForAsyncUtils;

/** Reads a node's state on the JavaFX thread, where it lives. */
final class WindowReads {

    private WindowReads() {
    }

    static <T> T onFx(Callable<T> read) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(read));
    }
}
