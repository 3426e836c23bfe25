package dev.mailbench.app.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.application.Platform;
import java.util.concurrent.ThreadFactory;

/** Background work on daemon threads, results on the JavaFX application thread. */
public final class FxTaskExecutor implements TaskExecutor {

    private final ExecutorService threads = Executors.newCachedThreadPool(new Daemons());

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        threads.execute(() -> task.runDelivering(this::runOnUi));
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void shutdown() {
        threads.shutdown();
    }

    /** Daemon threads, so that an unanswered network call never keeps the JVM alive after the window closes. */
    private static final class Daemons implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "mailbench-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
