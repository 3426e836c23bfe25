package dev.mailbench.app.session;

import java.util.function.LongSupplier;

import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.wire.ClientOptions;

/**
 * What a session tab needs from the application.
 *
 * @param executor      runs network work off the UI thread
 * @param catalogue     explanations, in the user's language
 * @param clientOptions timeouts and TLS for new connections
 * @param prefill       what the guided forms offer
 * @param nanoClock     a monotonic clock for the elapsed-time counter ({@link System#nanoTime()})
 */
public record SessionServices(TaskExecutor executor, Catalogue catalogue, ClientOptions clientOptions,
                              Prefill prefill, LongSupplier nanoClock) {
}
