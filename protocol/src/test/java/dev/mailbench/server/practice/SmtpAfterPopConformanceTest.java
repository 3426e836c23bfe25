package dev.mailbench.server.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.explain.Catalogue;
import dev.mailbench.explain.EventExplainer;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relaying as a conformance check written without Mailbench sees it: the practice server as
 * installed, clients typing on raw sockets. Relaying to another domain is refused ({@code 550 5.7.1}, RFC 5321
 * §3.6.2, RFC 3463 §3.8 X.7.1) unless the session authenticated, and a POP3 login allows it only when SMTP
 * after POP has been switched on, and then the reply says so.
 */
class SmtpAfterPopConformanceTest {
    @TempDir
    Path data;

    private PracticeServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private PracticeServer start() throws Exception {
        server = PracticeServer.start(DataDirectory.at(data).loadOrCreateConfig().withPorts(0, 0));
        return server;
    }

    private String relayAttempt() throws Exception {
        try (RawClient smtp = new RawClient(server.smtpPort())) {
            smtp.smtpReply();
            smtp.smtp("EHLO student.example.test");
            smtp.smtp("MAIL FROM:<bob@example.test>");
            return smtp.smtp("RCPT TO:<friend@other.test>");
        }
    }

    private void popLogin() throws Exception {
        try (RawClient pop3 = new RawClient(server.pop3Port())) {
            pop3.line();
            pop3.pop3("USER bob");
            assertThat(pop3.pop3("PASS bob-pass")).startsWith("+OK");
            pop3.pop3("QUIT");
        }
    }

    @Test
    void unauthenticatedRelayIsRefused() throws Exception {
        start();
        assertThat(relayAttempt()).startsWith("550 5.7.1 ");
    }

    @Test
    void relayAfterAFailedAuthIsRefused() throws Exception {
        start();
        try (RawClient smtp = new RawClient(server.smtpPort())) {
            smtp.smtpReply();
            smtp.smtp("EHLO student.example.test");
            // AUTH PLAIN with bob's name and a wrong password (RFC 4616), typed as a student would
            assertThat(smtp.smtp("AUTH PLAIN AGJvYgB3cm9uZw==")).startsWith("535 ");
            smtp.smtp("MAIL FROM:<bob@example.test>");
            assertThat(smtp.smtp("RCPT TO:<friend@other.test>")).startsWith("550 5.7.1 ");
        }
    }

    @Test
    void aPop3LoginDoesNotAllowRelayingByDefault() throws Exception {
        start();
        assertThat(server.relay().smtpAfterPop()).isFalse();
        popLogin();
        assertThat(relayAttempt()).startsWith("550 5.7.1 ");
    }

    @Test
    void withSmtpAfterPopOnAPop3LoginAllowsRelayingAndTheReplyAndExplanationSayWhy() throws Exception {
        start();
        List<Transcript> smtpTranscripts = new CopyOnWriteArrayList<>();
        server.addObserver((protocol, remote, transcript) -> {
            if (protocol == MailProtocol.SMTP) {
                smtpTranscripts.add(transcript);
            }
        });
        server.smtpAfterPop(Duration.ofMinutes(10));
        popLogin();

        String reply = relayAttempt();

        assertThat(reply).isEqualTo("250 2.1.5 <friend@other.test> relaying allowed: SMTP after POP (bob logged in 0 min ago)");
        Transcript transcript = smtpTranscripts.get(0);
        TranscriptEvent rcptReply = transcript.events().stream()
                .filter(e -> e.direction() == Direction.SERVER && e.line().equals(reply)).findFirst().orElseThrow();
        Catalogue catalogue = Catalogue.english();
        String why = catalogue.eventSentence("reply.relay-after-pop");
        EventExplainer explainer = new EventExplainer(MailProtocol.SMTP, catalogue);
        transcript.events().forEach(explainer::accept);
        assertThat(explainer.explain(rcptReply.sequence()).sentences()).contains(why);

        server.smtpAfterPop(Duration.ZERO);
        assertThat(relayAttempt()).startsWith("550 5.7.1 ");
    }
}
