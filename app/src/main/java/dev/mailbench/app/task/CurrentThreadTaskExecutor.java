package dev.mailbench.app.task;

/**
 * Runs work and callbacks at once on the calling thread: for view-model tests, which then read the outcome
 * on the next line, deterministically. Never use it in the window: network work would block the UI.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        task.runDelivering(Runnable::run);
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }

    @Override
    public void shutdown() {
        // nothing runs in the background
    }
}
