package dev.mailbench.app.task;

/**
 * Runs background work and hands results to the UI thread. The window uses {@link FxTaskExecutor}; view-model
 * tests use {@link CurrentThreadTaskExecutor}, which makes everything happen at once, in order.
 */
public interface TaskExecutor {

    /** Starts the task's work off the UI thread; its callbacks later run on the UI thread. */
    <T> void execute(BackgroundTask<T> task);

    /** Runs {@code action} on the UI thread: at once if already there, else as soon as it is free. */
    void runOnUi(Runnable action);

    /** Stops taking work; running work is left to finish (sockets are closed by their sessions). */
    void shutdown();
}
