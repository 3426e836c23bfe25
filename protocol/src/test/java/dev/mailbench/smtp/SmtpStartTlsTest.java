package dev.mailbench.smtp;

import static dev.mailbench.wire.TranscriptAssert.assertTranscript;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.tls.ClientTls;
import dev.mailbench.tls.ClientTlsLayer;
import dev.mailbench.tls.SelfSignedCertificate;
import dev.mailbench.tls.ServerTls;
import dev.mailbench.wire.ClientOptions;
import dev.mailbench.wire.TlsMode;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.server.SMTPServer;

/**
 * STARTTLS (RFC 3207) against SubEthaSMTP, a server nobody here wrote (GreenMail offers no STARTTLS), with a
 * self-signed certificate the client reports rather than trusts.
 */
class SmtpStartTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    private final List<byte[]> delivered = new CopyOnWriteArrayList<>();
    private SMTPServer server;
    private ServerTls serverTls;

    @BeforeEach
    void startServer() throws Exception {
        KeyStore keyStore = SelfSignedCertificate.loadOrCreate(dir.resolve("server.p12"), "localhost", PASSWORD);
        serverTls = ServerTls.fromKeyStore(keyStore, PASSWORD);
        server = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("mail.example.test")
                .enableTLS()
                .startTlsSocketFactory(serverTls.sslContext())
                .messageHandler((context, from, to, data) -> delivered.add(data))
                .build();
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void upgradeReportsTheCertificateForgetsExtensionsAndCarriesTheMessage() throws Exception {
        Transcript transcript = new Transcript();
        try (SmtpClientSession smtp = new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer()))) {
            smtp.connect("localhost", server.getPortAllocated(), TlsMode.STARTTLS);
            smtp.ehlo("client.example.test");
            assertThat(smtp.capabilities().has("STARTTLS")).isTrue();
            assertThat(smtp.state().legalVerbs()).contains(SmtpVerb.STARTTLS);

            SmtpReply ready = smtp.startTls();
            assertThat(ready.code()).isEqualTo(220);
            assertThat(smtp.isTls()).isTrue();
            // RFC 3207 §4.2: everything learnt before TLS is forgotten; EHLO must come again.
            assertThat(smtp.state().phase()).isEqualTo(SmtpPhase.GREETED);
            assertThat(smtp.state().tls()).isTrue();
            assertThat(smtp.capabilities().keywords()).isEmpty();

            smtp.ehlo("client.example.test");
            // SubEthaSMTP lists STARTTLS again after TLS, which RFC 3207 §4.2 forbids; the guidance knows better.
            assertThat(smtp.state().isLegal(SmtpVerb.STARTTLS)).isFalse();
            smtp.mailFrom("miro@example.test");
            smtp.rcptTo("test@example.test");
            assertThat(smtp.data("Subject: secret\r\n\r\n.hidden\r\n".getBytes(StandardCharsets.US_ASCII)).code())
                    .isEqualTo(250);
            smtp.quit();
        }

        assertTranscript(transcript,
                "*  Connecting to localhost:* …",
                "*  Connected to * in *",
                "S: 220 mail.example.test ESMTP *",
                "C: EHLO client.example.test",
                "S: 250-mail.example.test",
                "S: 250-8BITMIME",
                "S: 250-STARTTLS",
                "S: 250-CHUNKING",
                "S: 250-SMTPUTF8",
                "S: 250 Ok",
                "C: STARTTLS",
                "S: 220 Ready to start TLS",
                "*  TLS established, certificate not trusted: TLSv1.*, cipher *, certificate CN=localhost, issuer CN=localhost, valid from * until *, "
                        + "chain trusted: no (self-signed), host name matches: yes",
                "C: EHLO client.example.test",
                "S: 250-mail.example.test",
                "S: 250-8BITMIME",
                "S: 250-STARTTLS",
                "S: 250-CHUNKING",
                "S: 250-SMTPUTF8",
                "S: 250 Ok",
                "C: MAIL FROM:<miro@example.test>",
                "S: 250 *",
                "C: RCPT TO:<test@example.test>",
                "S: 250 *",
                "C: DATA",
                "S: 354 *",
                "C: Subject: secret",
                "C: ",
                "C: ..hidden",
                "C: .",
                "S: 250 *",
                "C: QUIT",
                "S: 221 *",
                "*  Connection closed by the server");

        List<TranscriptEvent> events = transcript.events();
        int upgrade = indexOfLine(events, "STARTTLS") + 2;
        assertThat(events.subList(0, upgrade)).filteredOn(e -> !e.isNote()).allSatisfy(e -> assertThat(e.tls()).isFalse());
        assertThat(events.subList(upgrade, events.size())).filteredOn(e -> !e.isNote()).allSatisfy(e -> assertThat(e.tls()).isTrue());

        assertThat(delivered).hasSize(1);
        String received = new String(delivered.get(0), StandardCharsets.US_ASCII);
        assertThat(received).endsWith("Subject: secret\r\n\r\n.hidden\r\n");
    }

    @Test
    void aCertificateTheUserTrustsIsReportedAsTrusted() throws Exception {
        Transcript transcript = new Transcript();
        ClientTls trusting = ClientTls.trustingDefaultsAnd(List.of(serverTls.certificate()));
        try (SmtpClientSession smtp = new SmtpClientSession(transcript, ClientOptions.defaults(new ClientTlsLayer(trusting)))) {
            smtp.connect("localhost", server.getPortAllocated(), TlsMode.STARTTLS);
            smtp.ehlo("client.example.test");
            smtp.startTls();
            smtp.quit();
        }
        assertThat(transcript.events()).filteredOn(TranscriptEvent::isNote).map(TranscriptEvent::line)
                .anySatisfy(note -> assertThat(note).contains("chain trusted: yes"));
    }

    private static int indexOfLine(List<TranscriptEvent> events, String line) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).line().equals(line)) {
                return i;
            }
        }
        throw new AssertionError(line + " not in transcript");
    }

    static byte[] readAll(java.io.InputStream in) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
