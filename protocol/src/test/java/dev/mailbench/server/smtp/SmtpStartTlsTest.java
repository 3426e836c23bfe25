package dev.mailbench.server.smtp;

import static dev.mailbench.server.smtp.Replies.assertReply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.smtp.SmtpClientSession;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS (RFC 3207) with the practice server's own certificate. */
class SmtpStartTlsTest {

    @TempDir
    Path root;
    private PracticeSmtp practice;

    @BeforeEach
    void start() throws Exception {
        practice = PracticeSmtp.start(root);
    }

    @AfterEach
    void stop() {
        practice.close();
    }

    @Test
    void upgradesAndStartsAfresh() throws Exception {
        SmtpClientSession smtp = practice.connectAndEhlo();
        assertThat(smtp.capabilities().has("STARTTLS")).isTrue();

        assertReply(smtp.startTls(), SmtpReplies.S220_READY_FOR_TLS);
        assertThat(smtp.isTls()).isTrue();
        // RFC 3207 §4.2: the server forgot the EHLO; a transaction needs a new one.
        assertReply(smtp.command("MAIL FROM:<miro@example.test>"), SmtpReplies.S503_NEED_HELO);
        smtp.ehlo("client.example.test");
        assertThat(smtp.capabilities().has("STARTTLS")).isFalse();
        assertThat(smtp.capabilities().has("AUTH")).isTrue();
        smtp.mailFrom("miro@example.test");
        smtp.rcptTo("alice@example.test");
        assertReply(smtp.data("Subject: secret\r\n\r\nunder TLS\r\n".getBytes(StandardCharsets.US_ASCII)),
                SmtpReplies.S250_QUEUED);

        assertThat(practice.text(practice.messages("alice").get(0)))
                .containsPattern("\\(using TLSv1\\.[23] with cipher \\w+\\)")
                .contains(" with ESMTPS id ");
        assertThat(practice.lastServerTranscript().toPlainText()).contains("*  TLS established: TLSv1.");
    }

    @Test
    void startTlsTwiceIsABadSequence() throws Exception {
        SmtpClientSession smtp = practice.connectAndEhlo();
        smtp.startTls();
        smtp.ehlo("client.example.test");

        assertReply(smtp.command("STARTTLS"), SmtpReplies.S503_TLS_ALREADY_ACTIVE);
    }

    @Test
    void authenticationFromBeforeTlsIsForgotten() throws Exception {
        SmtpClientSession smtp = practice.connectAndEhlo();
        assertReply(smtp.authPlain("alice", "alice-pass"), SmtpReplies.S235_AUTHENTICATED);

        smtp.startTls();
        smtp.ehlo("client.example.test");

        assertReply(smtp.authPlain("bob", "bob-pass"), SmtpReplies.S235_AUTHENTICATED);
    }

    @Test
    void aFailedHandshakeEndsTheConnectionAndSaysWhyInTheServerTranscript() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", practice.port())) {
            socket.setSoTimeout(15_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220 ");
            out.write("EHLO client.example.test\r\n".getBytes(StandardCharsets.US_ASCII));
            while (!in.readLine().startsWith("250 ")) {
                // the extension lines
            }
            out.write("STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("220 2.0.0 Ready to start TLS");

            out.write("this is not a TLS ClientHello\r\n".getBytes(StandardCharsets.US_ASCII));

            // The server answers in TLS now: an alert record (content type 21), then it closes.
            assertThat(in.read()).isEqualTo(21);
            while (in.read() >= 0) {
                // the rest of the alert, up to the close; a socket left open would time out here
            }
        }
        practice.awaitIdle();
        assertThat(practice.lastServerTranscript().toPlainText()).contains("*  TLS handshake failed");
    }

    @Test
    void withoutACertificateStartTlsIsNeitherOfferedNorAccepted(@TempDir Path other) throws Exception {
        try (PracticeSmtp plain = PracticeSmtp.start(other, c -> new SmtpServerContext(c.bindAddress(), 0, c.hostName(),
                c.backend(), c.accounts(), c.limits(), c.personality(), c.faults(), null, c.popLogins(), c.observer(),
                c.relay()))) {
            SmtpClientSession smtp = plain.connectAndEhlo();

            assertThat(smtp.capabilities().has("STARTTLS")).isFalse();
            assertReply(smtp.command("STARTTLS"), SmtpReplies.S454_TLS_UNAVAILABLE);
        }
    }

    @Test
    void plainTextPipelinedAfterStartTlsIsRefusedNeverRead() throws Exception {
        // RFC 3207 §4/§6 (CVE-2011-0411): an attacker injects a command behind STARTTLS in clear text.
        SmtpClientSession smtp = practice.connectAndEhlo();

        Replies.sendRawAndAwait(smtp, "STARTTLS\r\nRSET\r\n".getBytes(StandardCharsets.US_ASCII), "554 5.5.1 ");
        Replies.awaitNote(smtp.transcript(), "Connection closed by the server");

        String server = practice.lastServerTranscript().toPlainText();
        assertThat(server).doesNotContain("S: 220 2.0.0").doesNotContain("C: RSET");
    }
}
