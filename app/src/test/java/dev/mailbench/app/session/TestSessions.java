package dev.mailbench.app.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mailbench.app.config.RecentHost;
import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.app.task.TaskExecutor;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;

/** Session view models for tests: everything runs at once on the test's thread. */
public final class TestSessions {

    private TestSessions() {
    }

    public static SessionServices services(TaskExecutor executor) {
        return new SessionServices(executor, Catalogue.english(),
                ClientOptions.defaults(new ClientTlsLayer()).withReplyTimeout(Duration.ofSeconds(10)),
                Prefill.classroom(), System::nanoTime);
    }

    public static SessionViewModel session(ConnectionSettings settings) {
        return session(settings, new ArrayList<>());
    }

    public static SessionViewModel session(ConnectionSettings settings, List<RecentHost> remembered) {
        SessionViewModel session = new SessionViewModel(services(new CurrentThreadTaskExecutor()), remembered::add);
        session.apply(settings);
        return session;
    }
}
