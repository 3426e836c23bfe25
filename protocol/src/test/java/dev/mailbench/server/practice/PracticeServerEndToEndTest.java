package dev.mailbench.server.practice;

import dev.mailbench.server.PortInUseException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.pop3.Pop3ClientSession;
import dev.mailbench.server.smtp.RelayPolicy;
import dev.mailbench.smtp.SmtpClientSession;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both protocols of the practice server together: what goes in over SMTP comes out over POP3. */
class PracticeServerEndToEndTest {

    @TempDir
    Path temp;

    private ServerConfig freshConfig() throws Exception {
        return DataDirectory.at(temp).loadOrCreateConfig().withPorts(0, 0);
    }

    private static Properties jakarta(PracticeServer server) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(server.smtpPort()));
        props.put("mail.smtp.localhost", "client.example.test");
        props.put("mail.pop3.host", "127.0.0.1");
        props.put("mail.pop3.port", Integer.toString(server.pop3Port()));
        props.put("mail.smtp.timeout", "15000");
        props.put("mail.pop3.timeout", "15000");
        return props;
    }

    @Test
    void mailSentOverSmtpIsReadBackOverPop3ByteForByte() throws Exception {
        try (PracticeServer server = PracticeServer.start(freshConfig())) {
            Session session = Session.getInstance(jakarta(server));
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("bob@example.test"));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("alice@example.test"));
            message.setSubject("round trip");
            message.setText("line one\r\n.a dotted line\r\n.\r\nÜmlaut\r\n", "UTF-8");
            Transport.send(message);

            byte[] stored;
            try (InputStream in = server.store().listMessages("alice").get(0).open()) {
                stored = in.readAllBytes();
            }
            Store pop3 = session.getStore("pop3");
            pop3.connect("alice", "alice-pass");
            try {
                Folder inbox = pop3.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                ByteArrayOutputStream read = new ByteArrayOutputStream();
                inbox.getMessage(1).writeTo(read);
                inbox.close(false);

                assertThat(read.toByteArray()).isEqualTo(stored);
                assertThat(new String(stored, StandardCharsets.UTF_8)).contains("Subject: round trip", "\r\n.a dotted line\r\n.\r\n");
            } finally {
                pop3.close();
            }
        }
    }

    @Test
    void onceSmtpAfterPopIsSwitchedOnAPop3LoginLetsTheSameAddressRelayForAWhile() throws Exception {
        try (PracticeServer server = PracticeServer.start(freshConfig())) {
            server.smtpAfterPop(Duration.ofMinutes(10));
            try (SmtpClientSession smtp = new SmtpClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer()))) {
                smtp.connect("127.0.0.1", server.smtpPort(), TlsMode.NONE);
                smtp.ehlo("client.example.test");
                smtp.mailFrom("bob@example.test");
                assertThat(smtp.rcptTo("friend@elsewhere.example").code()).isEqualTo(550);

                // Walkthrough 001: check mail first, then send through the same server without AUTH.
                try (Pop3ClientSession pop3 = new Pop3ClientSession(new Transcript(), ClientOptions.defaults(new ClientTlsLayer()))) {
                    pop3.connect("127.0.0.1", server.pop3Port(), TlsMode.NONE);
                    pop3.user("bob");
                    assertThat(pop3.pass("bob-pass").isOk()).isTrue();
                    pop3.quit();
                }

                assertThat(smtp.rcptTo("friend@elsewhere.example").code()).isEqualTo(250);
                assertThat(smtp.data("Subject: via SMTP after POP\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII)).code())
                        .isEqualTo(250);
                smtp.quit();
            }
            assertThat(server.store().listMessages(RelayPolicy.OUTBOX_MAILBOX)).hasSize(1);
        }
    }

    @Test
    void aTakenPop3PortStopsTheWholeServerWithAClearMessage() throws Exception {
        long listenersBefore = smtpListenerThreads();
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int pop3Port = taken.getLocalPort();
            // SMTP on any free port: it starts, then POP3 cannot
            ServerConfig config = freshConfig().withPorts(0, pop3Port);

            assertThatThrownBy(() -> PracticeServer.start(config))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("POP3 port " + pop3Port + " on 127.0.0.1 is already in use");
        }
        // The SMTP side it had already started was closed again: its listener has ended. (Not a test by binding
        // its port again: on a busy machine another program may be given that port at once.)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (smtpListenerThreads() > listenersBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(smtpListenerThreads()).isLessThanOrEqualTo(listenersBefore);
    }

    private static long smtpListenerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("mailbench-smtp-accept")).count();
    }
}
