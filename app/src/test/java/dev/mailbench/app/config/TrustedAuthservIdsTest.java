package dev.mailbench.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.app.session.TestSessions;
import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.app.workbench.WorkbenchViewModel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedAuthservIdsTest {

    @TempDir
    Path config;

    @Test
    void nothingSavedIsNoIdAndSavedIdsComeBackInOrder() throws Exception {
        TrustedAuthservIds store = new TrustedAuthservIds(config);
        assertThat(store.load()).isEmpty();

        store.save(List.of("mx.example.org", "backup.example.org"));

        assertThat(new TrustedAuthservIds(config).load()).containsExactly("mx.example.org", "backup.example.org");
    }

    @Test
    void theWorkbenchReadsTheIdsAndSavesEveryChange() throws Exception {
        new TrustedAuthservIds(config).save(List.of("mx.example.org"));
        WorkbenchViewModel workbench = new WorkbenchViewModel(TestSessions.services(new CurrentThreadTaskExecutor()),
                new RecentHosts(config));

        workbench.keepTrustedAuthservIds(new TrustedAuthservIds(config));
        assertThat(workbench.trustedAuthservIdsProperty().get()).isEqualTo("mx.example.org");
        workbench.trustedAuthservIdsProperty().set("mx.example.org, list.example.test");

        assertThat(new TrustedAuthservIds(config).load()).containsExactly("mx.example.org", "list.example.test");
    }
}
