package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.mailbench.app.session.TestSessions;
import dev.mailbench.app.task.CurrentThreadTaskExecutor;
import dev.mailbench.app.transcript.StyledLine;
import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.app.transcript.TranscriptViewModel;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.explain.EventText;
import dev.mailbench.explain.Explanation;
import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.server.practice.PracticeServer;
import dev.mailbench.session.SessionConnection;
import dev.mailbench.session.SessionFile;
import dev.mailbench.session.SessionRecord;
import dev.mailbench.session.SessionSettings;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session saved and reopened is drawn and explained as it was live, line for line: SMTP with STARTTLS and AUTH,
 * then POP3 with a RETR of the message it sent (the window test clicks through the SMTP half).
 */
class SavedSessionViewModelTest {

    @TempDir
    Path temp;

    @Test
    void everyLineComesBackWithItsTextColourAndExplanation() throws Exception {
        List<SessionConnection> connections = new ArrayList<>();
        try (PracticeServer server = PracticeServer.start(DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0))) {
            Transcript smtp = new Transcript();
            try (SmtpClientSession client = new SmtpClientSession(smtp, ClientOptions.defaults(new ClientTlsLayer()))) {
                client.connect("127.0.0.1", server.smtpPort(), TlsMode.STARTTLS);
                client.ehlo("client.example.test");
                client.startTls();
                client.ehlo("client.example.test");
                client.authLogin("bob", "bob-pass");
                client.mailFrom("bob@example.test");
                client.rcptTo("alice@example.test");
                client.data("Subject: kept\r\n\r\n.a dotted line\r\n".getBytes(StandardCharsets.US_ASCII));
                client.quit();
            }
            connections.add(new SessionConnection(new SessionSettings(MailProtocol.SMTP, "127.0.0.1", server.smtpPort(),
                    TlsMode.STARTTLS, Optional.empty()), smtp));
            Transcript pop3 = new Transcript();
            try (Pop3ClientSession client = new Pop3ClientSession(pop3, ClientOptions.defaults(new ClientTlsLayer()))) {
                client.connect("127.0.0.1", server.pop3Port(), TlsMode.NONE);
                client.user("alice");
                client.pass("alice-pass");
                assertThat(client.retr(1).isOk()).isTrue();
                client.quit();
            }
            connections.add(new SessionConnection(new SessionSettings(MailProtocol.POP3, "127.0.0.1", server.pop3Port(),
                    TlsMode.NONE, Optional.empty()), pop3));
        }
        TranscriptViewModel live = new TranscriptViewModel(new CurrentThreadTaskExecutor(), ZoneOffset.UTC);
        connections.forEach(c -> live.follow(c.transcript(), new EventExplainer(c.settings().protocol(), Catalogue.english())));
        StringWriter file = new StringWriter();
        SessionFile.write(SessionRecord.of(connections, "test"), file, false);

        SavedSessionViewModel saved = new SavedSessionViewModel(TestSessions.services(new CurrentThreadTaskExecutor()),
                temp.resolve("s.mbsession"), SessionFile.read(new StringReader(file.toString())), ZoneOffset.UTC);

        live.drain(Integer.MAX_VALUE);
        saved.transcript().drain(Integer.MAX_VALUE);
        assertThat(saved.transcript().size()).isEqualTo(live.size()).isGreaterThan(40);
        for (int i = 0; i < live.size(); i++) {
            TranscriptEntry was = live.entry(i);
            TranscriptEntry is = saved.transcript().entry(i);
            StyledLine drawn = live.render(was);
            assertThat(saved.transcript().render(is)).as("line %d", i).isEqualTo(drawn);
            live.select(i);
            saved.transcript().select(i);
            Explanation expected = live.explanationProperty().get();
            Explanation explained = saved.transcript().explanationProperty().get();
            // as shown with passwords masked (a masked file has none to reveal); a masked line is saved as its
            // mask, so its length is the mask's now
            boolean masked = EventText.isSecret(was.event());
            assertThat(shown(explained, masked)).as("explanation of %s", drawn.text()).isEqualTo(shown(expected, masked));
        }
        assertThat(saved.transcript().lines()).anyMatch(entry -> entry.event().line().equals("..a dotted line"));
        assertThat(saved.banner()).endsWith(" — read-only").contains("127.0.0.1:");
        assertThat(saved.problems()).isEmpty();
    }

    /** The explanation as the pane shows it with passwords masked, without the line's length if asked. */
    private static List<String> shown(Explanation explanation, boolean withoutLength) {
        List<String> shown = new ArrayList<>(explanation.sentences());
        shown.add(0, explanation.title());
        explanation.fields().stream()
                .filter(field -> !withoutLength || !field.label().equals(Catalogue.english().fieldLabel("length")))
                .forEach(field -> shown.add(field.label() + ": " + field.shown(false)));
        return shown;
    }
}
