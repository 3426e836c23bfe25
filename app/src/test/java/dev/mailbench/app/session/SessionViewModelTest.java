package dev.mailbench.app.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.mailbench.app.config.RecentHost;
import dev.mailbench.app.task.QueuedUiExecutor;
import dev.mailbench.app.transcript.TranscriptEntry;
import dev.mailbench.explain.Catalogue;
import dev.mailbench.pop3.Pop3Verb;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.MailProtocol;
import dev.mailbench.wire.TlsMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionViewModelTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));

    @Test
    void aHostIsANameOfLettersDigitsHyphensAndDotsOrAnAddress() {
        assertThat(SessionViewModel.hostProblem("mail.example.test")).isEmpty();
        assertThat(SessionViewModel.hostProblem("127.0.0.1")).isEmpty();
        assertThat(SessionViewModel.hostProblem("::1")).isEmpty();
        assertThat(SessionViewModel.hostProblem("[2001:db8::25]")).isEmpty();
        assertThat(SessionViewModel.hostProblem(" ")).contains("Type the server's host name or address.");
        assertThat(SessionViewModel.hostProblem("mail example.test")).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("\"mail example.test\" is not a host name").contains("RFC 1123 §2.1"));
        assertThat(SessionViewModel.hostProblem("-mail.example.test")).isPresent();
        assertThat(SessionViewModel.portProblem("0")).isPresent();
        assertThat(SessionViewModel.portProblem("65535")).isEmpty();
        assertThat(SessionViewModel.portProblem("twenty-five")).isPresent();
    }

    @Test
    void theConnectionBarChecksHostAndPort() {
        SessionViewModel session = TestSessions.session(new ConnectionSettings("", 25, MailProtocol.SMTP, TlsMode.NONE));

        session.connect();
        assertThat(session.problemProperty().get()).isEqualTo("Type the server's host name or address.");
        assertThat(session.connectedProperty().get()).isFalse();

        session.hostProperty().set("mail.example.test");
        session.portProperty().set("70000");
        session.connect();
        assertThat(session.problemProperty().get()).isEqualTo("The port must be a number from 1 to 65535.");
        assertThat(session.driver()).isNull();
    }

    @Test
    void aUsualPortFollowsTheProtocolAndTlsModeButATypedOneStays() {
        SessionViewModel session = TestSessions.session(new ConnectionSettings("mail.example.test", 25,
                MailProtocol.SMTP, TlsMode.NONE));

        session.tlsModeProperty().set(TlsMode.IMPLICIT);
        assertThat(session.portProperty().get()).isEqualTo("465");
        session.protocolProperty().set(MailProtocol.POP3);
        assertThat(session.portProperty().get()).isEqualTo("995");
        assertThat(session.verbs()).startsWith(Pop3Verb.CAPA, Pop3Verb.STLS, Pop3Verb.USER, Pop3Verb.PASS);
        assertThat(session.titleProperty().get()).isEqualTo("POP3 mail.example.test:995");

        session.portProperty().set("1110");
        session.tlsModeProperty().set(TlsMode.NONE);
        assertThat(session.portProperty().get()).isEqualTo("1110");
    }

    @Test
    void eachConnectionJoinsTheSameTranscriptPane() {
        SessionViewModel session = TestSessions.session(new ConnectionSettings("127.0.0.1", greenMail.getSmtp().getPort(),
                MailProtocol.SMTP, TlsMode.NONE));

        session.connect();
        session.sendLine("QUIT");
        session.connect();
        session.sendLine("NOOP");

        List<String> lines = session.transcript().drain(Integer.MAX_VALUE).stream()
                .map(TranscriptEntry::event).filter(e -> !e.isNote()).map(e -> e.line().substring(0, 4)).toList();
        assertThat(lines).containsExactly("220 ", "QUIT", "221 ", "220 ", "NOOP", "250 ");
        assertThat(session.connectedProperty().get()).isTrue();
    }

    @Test
    void aSilentServerLeavesTheTabBusyWithAClockAndCancelEndsTheWait() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        QueuedUiExecutor executor = new QueuedUiExecutor();
        SessionServices services = new SessionServices(executor, Catalogue.english(),
                ClientOptions.defaults(new ClientTlsLayer()), Prefill.classroom(), clock::get);
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SessionViewModel session = new SessionViewModel(services, host -> { });
            session.apply(new ConnectionSettings("127.0.0.1", silent.getLocalPort(), MailProtocol.SMTP, TlsMode.NONE));

            session.connect();
            try (Socket accepted = silent.accept()) {
                assertThat(session.busyProperty().get()).isTrue();
                assertThat(session.busyWithProperty().get())
                        .isEqualTo("Waiting for connecting to 127.0.0.1:" + silent.getLocalPort());
                assertThat(session.connectedProperty().get()).as("Cancel needs a connection to end").isTrue();
                assertThat(session.elapsed()).isEqualTo("0.0 s");
                clock.addAndGet(3_250_000_000L);
                assertThat(session.elapsed()).isEqualTo("3.2 s");
                clock.addAndGet(120_000_000_000L);
                assertThat(session.elapsed()).isEqualTo("2 min 03 s");
                assertThat(session.sendLine("NOOP")).as("one thing at a time").isFalse();

                session.cancel();
                executor.runUntil(() -> !session.busyProperty().get(), Duration.ofSeconds(10));
            }
            executor.runUntil(() -> !session.connectedProperty().get(), Duration.ofSeconds(10));
            assertThat(session.elapsed()).isEmpty();
            assertThat(session.problemProperty().get()).isNotEmpty();
            assertThat(session.stateProperty().get()).isEqualTo("not connected");
        }
    }

    @Test
    void cancelWritesWhatItCancelledAndAfterHowLong() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        QueuedUiExecutor executor = new QueuedUiExecutor();
        SessionServices services = new SessionServices(executor, Catalogue.english(),
                ClientOptions.defaults(new ClientTlsLayer()), Prefill.classroom(), clock::get);
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SessionViewModel session = new SessionViewModel(services, host -> { });
            session.apply(new ConnectionSettings("127.0.0.1", silent.getLocalPort(), MailProtocol.SMTP, TlsMode.NONE));
            session.connect();
            try (Socket accepted = silent.accept()) {
                clock.addAndGet(12_345_000_000L);
                session.cancel();
                executor.runUntil(() -> !session.connectedProperty().get(), Duration.ofSeconds(10));
            }
            // the close is noted by the connection's own thread, which may come after the property has changed
            executor.runUntil(() -> session.driver().transcript().events().stream()
                    .anyMatch(event -> event.isNote() && event.line().equals("Connection closed by the client")),
                    Duration.ofSeconds(10));
            List<String> notes = session.driver().transcript().events().stream()
                    .filter(event -> event.isNote()).map(event -> event.line()).toList();
            assertThat(notes).contains("Cancelled connecting to 127.0.0.1:" + silent.getLocalPort() + " after 12.3 s");
            assertThat(notes.indexOf("Cancelled connecting to 127.0.0.1:" + silent.getLocalPort() + " after 12.3 s"))
                    .isLessThan(notes.indexOf("Connection closed by the client"));
        }
        assertThat(SessionViewModel.cancelNote("the reply to MAIL", Duration.ofMillis(12_345)))
                .isEqualTo("Cancelled the wait for the reply to MAIL after 12.3 s");
    }

    @Test
    void theReplyTimeoutIsASettingOfTheConnectionBarAndIsHonoured() throws Exception {
        QueuedUiExecutor executor = new QueuedUiExecutor();
        SessionServices services = new SessionServices(executor, Catalogue.english(),
                ClientOptions.defaults(new ClientTlsLayer()), Prefill.classroom(), System::nanoTime);
        List<RecentHost> remembered = new java.util.ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SessionViewModel session = new SessionViewModel(services, remembered::add);
            assertThat(session.replyTimeoutProperty().get()).as("the usual timeout").isEqualTo("60");
            session.apply(new ConnectionSettings("127.0.0.1", silent.getLocalPort(), MailProtocol.SMTP, TlsMode.NONE));
            session.replyTimeoutProperty().set("0");
            session.connect();
            assertThat(session.problemProperty().get())
                    .isEqualTo("The reply timeout must be a number of seconds from 1 to 3600.");

            session.replyTimeoutProperty().set("1");
            assertThat(session.settings().replyTimeout()).isEqualTo(Duration.ofSeconds(1));
            session.connect();
            try (Socket accepted = silent.accept()) {
                // the server never says a word: the configured second passes, not the usual minute
                executor.runUntil(() -> !session.busyProperty().get(), Duration.ofSeconds(30));
                assertThat(session.problemProperty().get()).startsWith("No reply yet");
                assertThat(session.driver().transcript().toPlainText()).contains("No reply within 1 s; still listening.");
                session.cancel();
                executor.runUntil(() -> !session.connectedProperty().get(), Duration.ofSeconds(10));
            }
        }
        assertThat(remembered).singleElement().extracting(RecentHost::replyTimeout).isEqualTo(Duration.ofSeconds(1));
    }
}
