package dev.mailbench.app.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds background work until the test runs it: shows what a view model does before its work is done (the
 * UI thread returns at once) and lets a test deliver results out of order.
 */
public final class DeferredTaskExecutor implements TaskExecutor {

    private final List<BackgroundTask<?>> waiting = new ArrayList<>();

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        waiting.add(task);
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
    }

    public int waiting() {
        return waiting.size();
    }

    /** Runs the waiting task at {@code index} (0: the oldest) and delivers its outcome. */
    public void run(int index) {
        deliver(waiting.remove(index));
    }

    /** Runs every waiting task, oldest first, including those they start. */
    public void runAll() {
        while (!waiting.isEmpty()) {
            run(0);
        }
    }

    private static <T> void deliver(BackgroundTask<T> task) {
        task.runDelivering(Runnable::run);
    }
}
