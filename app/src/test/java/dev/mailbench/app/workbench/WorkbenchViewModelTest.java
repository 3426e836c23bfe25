package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.app.config.RecentHost;
import dev.mailbench.app.config.RecentHosts;
import dev.mailbench.app.session.ConnectionSettings;
import dev.mailbench.app.session.SessionViewModel;
import dev.mailbench.app.session.TestSessions;
import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchViewModelTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));

    @TempDir
    Path config;

    private WorkbenchViewModel workbench() {
        return new WorkbenchViewModel(TestSessions.services(new CurrentThreadTaskExecutor()), new RecentHosts(config));
    }

    @Test
    void aConnectionIsRememberedOnDiskAndOffersItselfToTheNextTab() throws Exception {
        WorkbenchViewModel first = workbench();
        first.open(new ConnectionSettings("127.0.0.1", greenMail.getSmtp().getPort(), MailProtocol.SMTP, TlsMode.NONE), true);

        RecentHost server = new RecentHost("127.0.0.1", greenMail.getSmtp().getPort(), MailProtocol.SMTP, TlsMode.NONE);
        assertThat(first.recentHosts()).containsExactly(server);
        assertThat(new RecentHosts(config).load()).containsExactly(server);

        WorkbenchViewModel later = workbench();
        later.loadRecentHosts();
        SessionViewModel tab = later.open(MailProtocol.SMTP);
        assertThat(tab.settings()).isEqualTo(new ConnectionSettings("127.0.0.1", greenMail.getSmtp().getPort(),
                MailProtocol.SMTP, TlsMode.NONE));
        assertThat(later.open(MailProtocol.POP3).settings().port()).isEqualTo(110);
        first.shutdown();
    }

    @Test
    void aNewTabConnectsToThePracticeServerWhileItRunsAndIsOnlyFilledInOtherwise() {
        WorkbenchViewModel workbench = workbench();
        ConnectionSettings practice = new ConnectionSettings("127.0.0.1", greenMail.getSmtp().getPort(),
                MailProtocol.SMTP, TlsMode.NONE);
        workbench.setPracticeServer(protocol -> protocol == MailProtocol.SMTP ? Optional.of(practice) : Optional.empty());

        SessionViewModel tab = workbench.open(MailProtocol.SMTP);
        assertThat(tab.connectedProperty().get()).isTrue();
        assertThat(tab.lastConnection()).contains(practice);

        // no practice server for POP3 here: the tab is filled in and waits for the user's Connect
        SessionViewModel other = workbench.open(MailProtocol.POP3);
        assertThat(other.connectedProperty().get()).isFalse();
        assertThat(other.lastConnection()).isEmpty();
        workbench.shutdown();
    }

    @Test
    void aReplayIsOfferedThePracticeServerFirstThenWhereTheSessionWentThenRecentServersOfItsProtocol() {
        WorkbenchViewModel workbench = workbench();
        SessionSettings recorded = new SessionSettings(MailProtocol.SMTP, "mail.example.test", 587, TlsMode.STARTTLS,
                Optional.empty());
        assertThat(workbench.replayTargets(recorded)).containsExactly("smtp+starttls://mail.example.test:587");

        workbench.setPracticeServer(protocol -> Optional.of(new ConnectionSettings("127.0.0.1", 2525, protocol,
                TlsMode.NONE)));
        workbench.recentHosts().setAll(new RecentHost("127.0.0.1", 2525, MailProtocol.SMTP, TlsMode.NONE),
                new RecentHost("127.0.0.1", 110, MailProtocol.POP3, TlsMode.NONE));
        assertThat(workbench.replayTargets(recorded)).containsExactly("smtp+starttls://127.0.0.1:2525",
                "smtp+starttls://mail.example.test:587", "smtp://127.0.0.1:2525");
    }

    @Test
    void aTranscriptIsSavedAsThePaneShowsIt() throws Exception {
        WorkbenchViewModel workbench = workbench();
        SessionViewModel tab = workbench.open(new ConnectionSettings("127.0.0.1", greenMail.getSmtp().getPort(),
                MailProtocol.SMTP, TlsMode.NONE), true);
        tab.sendLine("NOOP");
        tab.transcript().drain(Integer.MAX_VALUE);
        tab.transcript().showTimesProperty().set(false);

        Path file = config.resolve("out.txt");
        workbench.save(tab, file, WorkbenchViewModel.Format.TEXT);

        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).contains("C: NOOP")
                .anySatisfy(line -> assertThat(line).startsWith("S: 250 "));
        assertThat(workbench.statusProperty().get()).startsWith("Saved ").endsWith(file.toString());

        workbench.save(tab, config.resolve("missing-directory").resolve("out.txt"), WorkbenchViewModel.Format.HTML);
        assertThat(workbench.statusProperty().get()).startsWith("Could not save to ");

        workbench.close(tab);
        assertThat(workbench.sessions()).isEmpty();
    }
}
