package dev.mailbench.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import java.nio.file.Path;
import java.util.Optional;

import dev.mailbench.app.config.ConfigDirectory;
import dev.mailbench.app.dialog.FileChoosers;
import dev.mailbench.app.practice.PracticeServerSource;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.session.Prefill;
import dev.mailbench.app.session.SessionServices;
import dev.mailbench.app.task.FxTaskExecutor;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;

/**
 * What the window is built with. The application uses {@link #defaults()}; tests give their own (a server on
 * port 0 for the first tab, a practice server in a temporary data directory, a temporary config directory,
 * file choosers that answer without a dialog).
 *
 * @param services        what session tabs need: executor, catalogue, client options, prefill, clock
 * @param configDirectory where recent servers are remembered
 * @param firstSession    where the first tab connects when the window opens; empty: the practice server's SMTP
 *                        once it listens, else no tab but the welcome
 * @param files           file dialogs
 * @param practiceServer  where the embedded practice server's configuration comes from; empty: the window
 *                        runs none (the first tab then waits for a server the user names)
 */
public record AppContext(SessionServices services, Path configDirectory, Optional<ConnectionSettings> firstSession,
                         FileChoosers files, Optional<PracticeServerSource> practiceServer) {

    private static volatile CompletableFuture<AppContext> prepared;

    /** A window without a practice server. */
    public AppContext(SessionServices services, Path configDirectory, Optional<ConnectionSettings> firstSession,
                      FileChoosers files) {
        this(services, configDirectory, firstSession, files, Optional.empty());
    }

    /**
     * Starts making {@link #defaults()} on a thread of its own (the catalogue's reading above all), so that it is
     * done while JavaFX starts its toolkit, and the window's start takes it ready from {@link #preparedDefaults()}.
     */
    public static void prepareDefaults() {
        prepared = CompletableFuture.supplyAsync(AppContext::defaults, work -> {
            Thread thread = new Thread(work, "mailbench-prepare");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** {@link #defaults()}, made ahead when {@link #prepareDefaults()} was called, else now. */
    public static AppContext preparedDefaults() {
        CompletableFuture<AppContext> ahead = prepared;
        prepared = null;
        if (ahead == null) {
            return defaults();
        }
        try {
            return ahead.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    public static AppContext defaults() {
        SessionServices services = new SessionServices(new FxTaskExecutor(), Catalogue.english(),
                ClientOptions.defaults(new ClientTlsLayer()), Prefill.classroom(), System::nanoTime);
        return new AppContext(services, ConfigDirectory.resolve(), Optional.empty(), FileChoosers.system(),
                Optional.of(PracticeServerSource.userDataDirectory()));
    }
}
