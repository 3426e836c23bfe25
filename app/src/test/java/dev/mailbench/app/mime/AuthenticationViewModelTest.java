package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.authenticity.DkimResult;
import dev.mailbench.authenticity.KeyRecord;
import dev.mailbench.authenticity.KeySource;
import dev.mailbench.authenticity.Verdict;
import dev.mailbench.mime.MessageAnalyzer;
import dev.mailbench.mime.SampleMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthenticationViewModelTest {

    /** Stands in for the DNS: says it is the DNS and records the names asked, knowing none. */
    private final List<String> asked = new ArrayList<>();
    private final KeySource dns = new KeySource() {
        @Override
        public Optional<KeyRecord> find(String selector, String domain) {
            asked.add(KeySource.recordName(selector, domain));
            return Optional.empty();
        }

        @Override
        public boolean usesDns() {
            return true;
        }
    };

    private final AuthenticationViewModel viewModel = new AuthenticationViewModel(new CurrentThreadTaskExecutor(), Catalogue.english(), () -> dns);

    @Test
    void aMessageIsCheckedOfflineAndTheDnsOnlyWhenAsked() {
        viewModel.show(MessageAnalyzer.analyze(SampleMessages.get("signed-dkim-arc.eml").bytes()));

        assertThat(viewModel.reportProperty().get().dnsUsed()).isFalse();
        assertThat(asked).isEmpty();

        viewModel.lookUpInDns();

        assertThat(viewModel.reportProperty().get().dnsUsed()).isTrue();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Keys were looked up in the DNS.");
        assertThat(asked).startsWith("rsa2048._domainkey.example.test");
        assertThat(viewModel.reportProperty().get().dkim()).extracting(DkimResult::verdict).containsExactly(Verdict.NO_KEY);
    }

    @Test
    void trustedIdsAreReadFromTheFieldAndCheckedAgain() {
        viewModel.show(MessageAnalyzer.analyze(SampleMessages.get("signed-dkim-arc.eml").bytes()));

        viewModel.trustedIdsProperty().set("list.example.test,  mx.example.org");

        assertThat(viewModel.reportProperty().get().authenticationResults())
                .filteredOn(g -> g.trusted()).extracting(g -> g.authservId()).containsExactly("list.example.test");
    }

    @Test
    void theTabsTitleSaysAFailureBeforeTheTabIsOpened() throws Exception {
        String zone;
        try (var in = getClass().getResourceAsStream("/dev/mailbench/samples/signed-dkim-arc.zone")) {
            zone = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        byte[] signed = SampleMessages.get("signed-dkim-arc.eml").bytes();
        viewModel.pastedRecordProperty().set(zone);

        viewModel.show(MessageAnalyzer.analyze(signed));
        assertThat(AuthenticationViewModel.title(viewModel.reportProperty().get())).isEqualTo("Authentication ✓ DKIM");
        assertThat(AuthenticationViewModel.fails(viewModel.reportProperty().get())).isFalse();

        byte[] changed = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1).replace("noon", "one")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        viewModel.show(MessageAnalyzer.analyze(changed));
        assertThat(AuthenticationViewModel.title(viewModel.reportProperty().get()))
                .isEqualTo("Authentication ✗ DKIM, ARC");
        assertThat(AuthenticationViewModel.description(viewModel.reportProperty().get()))
                .isEqualTo("DKIM: 1 of 1 signature fails; ARC: chain broken");
        assertThat(AuthenticationViewModel.fails(viewModel.reportProperty().get())).isTrue();

        viewModel.pastedRecordProperty().set("");
        viewModel.show(MessageAnalyzer.analyze(changed));
        assertThat(AuthenticationViewModel.title(viewModel.reportProperty().get())).as("a changed body needs no key")
                .isEqualTo("Authentication ✗ DKIM, ARC");
        viewModel.show(MessageAnalyzer.analyze(signed));
        assertThat(AuthenticationViewModel.title(viewModel.reportProperty().get()))
                .isEqualTo("Authentication (no key)");
    }
}
