package dev.mailbench.server.practice;

import dev.mailbench.server.PortInUseException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.smtp.SmtpReply;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice server as the application starts it: from a data directory, on free ports. */
class PracticeServerTest {

    @TempDir
    Path temp;

    private ServerConfig freshConfig() throws Exception {
        return DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0);
    }

    private static SmtpClientSession client(Transcript transcript) {
        return new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()));
    }

    @Test
    void startsFromAFreshDataDirectoryAndDeliversIntoItsStore() throws Exception {
        try (PracticeServer server = PracticeServer.start(freshConfig())) {
            List<String> opened = new CopyOnWriteArrayList<>();
            server.addObserver((protocol, remote, transcript) -> opened.add(protocol + " " + remote));

            try (SmtpClientSession smtp = client(new Transcript())) {
                smtp.connect("127.0.0.1", server.smtpPort(), TlsMode.NONE);
                smtp.ehlo("client.example.test");
                smtp.mailFrom("bob@example.test");
                smtp.rcptTo("alice@example.test");
                SmtpReply queued = smtp.data("Subject: hello\r\n\r\nhi alice\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(queued.code()).isEqualTo(250);
                smtp.quit();
            }

            assertThat(server.isRunning()).isTrue();
            assertThat(server.pop3Port()).isPositive().isNotEqualTo(server.smtpPort());
            assertThat(server.bindAddress().isLoopbackAddress()).isTrue();
            assertThat(opened).singleElement().asString().startsWith("SMTP 127.0.0.1:");
            assertThat(server.store().listMessages("alice")).hasSize(1);
            assertThat(server.store().root()).isEqualTo(temp.resolve("mail").toAbsolutePath());
            assertThat(Files.exists(temp.resolve("server.p12"))).isTrue();
            assertThat(server.accounts().users().keySet()).containsExactly("alice", "bob");
        }
    }

    @Test
    void theCertificateIsKeptAcrossRestarts() throws Exception {
        ServerConfig config = freshConfig();
        java.security.cert.X509Certificate first;
        try (PracticeServer server = PracticeServer.start(config)) {
            first = server.certificate();
        }
        try (PracticeServer server = PracticeServer.start(DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0))) {
            assertThat(server.certificate()).isEqualTo(first);
            assertThat(server.certificate().getSubjectX500Principal().getName()).contains("mail.example.test");
        }
    }

    @Test
    void aTakenPortIsReportedClearlyAndNothingIsLeftRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> PracticeServer.start(freshConfig().withPorts(port, 0)))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("SMTP port " + port)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("Choose another port")
                    .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(port));
        }
    }

    @Test
    void faultsAndThePersonalityChangeWhileItRuns() throws Exception {
        try (PracticeServer server = PracticeServer.start(freshConfig())) {
            server.switchPersonality("exchange55");
            try (SmtpClientSession smtp = client(new Transcript())) {
                assertThat(smtp.connect("127.0.0.1", server.smtpPort(), TlsMode.NONE).text())
                        .contains("Microsoft Exchange Internet Mail Service 5.5.2653.13");
                smtp.quit();
            }
            server.faults().refuseConnections(true);
            try (SmtpClientSession smtp = client(new Transcript())) {
                assertThat(smtp.connect("127.0.0.1", server.smtpPort(), TlsMode.NONE).code()).isEqualTo(421);
            }
            assertThat(server.personality().id()).isEqualTo("exchange55");
        }
    }

    @Test
    void aBrokenObserverDoesNotBreakTheServer() throws Exception {
        try (PracticeServer server = PracticeServer.start(freshConfig())) {
            server.addObserver((protocol, remote, transcript) -> {
                throw new IllegalStateException("a view that fails");
            });
            try (SmtpClientSession smtp = client(new Transcript())) {
                assertThat(smtp.connect("127.0.0.1", server.smtpPort(), TlsMode.NONE).code()).isEqualTo(220);
                smtp.quit();
            }
        }
    }
}
