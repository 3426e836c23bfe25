package dev.mailbench.app.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must not run on the JavaFX thread (network, disk), with what to do on the UI thread once it
 * has succeeded or failed. Hand it to a {@link TaskExecutor}.
 *
 * <p>A failure is never dropped: without an {@link #onFailure} action it is logged as a warning; with one,
 * the action decides what the user sees and the failure is logged at DEBUG with its stack trace.
 *
 * @param <T> the result of the work
 */
public final class BackgroundTask<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    private final Callable<T> work;
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Exception> onFailure = null;
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Work without a result. */
    public static BackgroundTask<Void> run(ThrowingRunnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** Runs on the UI thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** Runs on the UI thread with what went wrong. */
    public BackgroundTask<T> onFailure(Consumer<Exception> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    /** Runs on the UI thread after success or failure, after their own actions. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    /**
     * Does the work here and now, then has {@code deliver} run the delivery of its outcome (on the UI thread,
     * for a real executor): the one way every executor runs a task.
     */
    void runDelivering(Consumer<Runnable> deliver) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            deliver.accept(() -> failed(e));
            return;
        }
        deliver.accept(() -> succeeded(result));
    }

    /** Delivers the outcome of the work; called on the UI thread by the executor. */
    void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            onFinished.run();
        }
    }

    void failed(Exception failure) {
        try {
            if (onFailure == null) {
                LOG.warn("Background work failed, and nothing was waiting to hear of it", failure);
            } else {
                LOG.debug("Background work failed; its failure action tells the user", failure);
                onFailure.accept(failure);
            }
        } finally {
            onFinished.run();
        }
    }

    /** A {@link Runnable} that may throw, for work without a result. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
