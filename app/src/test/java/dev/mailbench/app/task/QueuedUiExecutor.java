package dev.mailbench.app.task;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * For view-model tests of work that waits (a silent server): background work runs on threads of its own,
 * and the test's thread plays the UI thread, running the callbacks when it chooses to with
 * {@link #runUntil}.
 */
public final class QueuedUiExecutor implements TaskExecutor {

    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        Thread thread = new Thread(() -> task.runDelivering(ui::add), "test-background");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void runOnUi(Runnable action) {
        ui.add(action);
    }

    /** Runs UI callbacks, as they come, until {@code condition} holds; fails after {@code timeout}. */
    public void runUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("condition not reached within " + timeout);
            }
            Runnable callback = ui.poll(left, TimeUnit.NANOSECONDS);
            if (callback != null) {
                callback.run();
            }
        }
    }

    @Override
    public void shutdown() {
    }
}
