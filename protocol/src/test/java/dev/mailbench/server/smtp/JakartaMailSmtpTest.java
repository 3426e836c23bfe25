package dev.mailbench.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mailbench.store.StoredMessage;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Properties;
import java.util.Random;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jakarta Mail's SMTP transport (Angus), a client nobody here wrote, sending to the practice server. */
class JakartaMailSmtpTest {

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

    private Properties properties() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(practice.port()));
        props.put("mail.smtp.localhost", "client.example.test");
        props.put("mail.smtp.connectiontimeout", "15000");
        props.put("mail.smtp.timeout", "15000");
        return props;
    }

    private static MimeMessage message(Session session, String to, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("miro@example.test", "Miro"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        return message;
    }

    /** What Jakarta Mail put on the wire for the message (without dot-stuffing): the tail of what is stored. */
    private static byte[] wireForm(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static boolean endsWith(byte[] whole, byte[] tail) {
        return whole.length >= tail.length
                && Arrays.equals(whole, whole.length - tail.length, whole.length, tail, 0, tail.length);
    }

    @Test
    void plainSendingWithLinesThatBeginWithADot() throws Exception {
        Session session = Session.getInstance(properties());
        MimeMessage message = message(session, "alice@example.test", "dots",
                "first line\r\n.a line that starts with a dot\r\n.\r\n..two dots\r\nlast line\r\n");

        Transport.send(message);

        StoredMessage stored = practice.messages("alice").get(0);
        byte[] bytes = practice.bytes(stored);
        assertThat(endsWith(bytes, wireForm(message))).as("stored bytes end with the message as sent").isTrue();
        MimeMessage read = new MimeMessage(session, new ByteArrayInputStream(bytes));
        assertThat(read.getSubject()).isEqualTo("dots");
        assertThat((String) read.getContent()).isEqualTo("first line\r\n.a line that starts with a dot\r\n.\r\n..two dots\r\nlast line\r\n");
        assertThat(read.getHeader("Return-Path")).containsExactly("<miro@example.test>");
    }

    @Test
    void eightBitTextArrivesAsSent() throws Exception {
        Properties props = properties();
        props.put("mail.smtp.allow8bitmime", "true");
        Session session = Session.getInstance(props);
        String text = "Grüße aus Köln – 5 € ✓\r\nΚαλημέρα\r\n";
        MimeMessage message = message(session, "bob@example.test", "Grüße", text);
        message.setHeader("Content-Transfer-Encoding", "8bit");

        Transport.send(message);

        byte[] bytes = practice.bytes(practice.messages("bob").get(0));
        assertThat(endsWith(bytes, wireForm(message))).isTrue();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Content-Transfer-Encoding: 8bit\r\n\r\n" + text);
    }

    @Test
    void aFiveMegabyteAttachmentArrivesByteIdentical() throws Exception {
        Session session = Session.getInstance(properties());
        byte[] attachment = new byte[5 * 1024 * 1024];
        new Random(20240501).nextBytes(attachment);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("miro@example.test"));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse("alice@example.test"));
        message.setSubject("five megabytes");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attachment\r\n", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment, "application/octet-stream")));
        file.setFileName("random.bin");
        message.setContent(new MimeMultipart(text, file));

        Transport.send(message);

        StoredMessage stored = practice.messages("alice").get(0);
        byte[] bytes = practice.bytes(stored);
        assertThat(endsWith(bytes, wireForm(message))).isTrue();
        MimeMessage read = new MimeMessage(session, new ByteArrayInputStream(bytes));
        MimeBodyPart received = (MimeBodyPart) ((Multipart) read.getContent()).getBodyPart(1);
        assertThat(received.getFileName()).isEqualTo("random.bin");
        try (InputStream in = received.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(attachment);
        }
        // The server's transcript shows the start of the text and the end of data, not 7 MB of base64.
        long recorded = practice.lastServerTranscript().events().stream().mapToLong(e -> e.bytes().length).sum();
        assertThat(recorded).isLessThan(MessageTextReader.SHOWN_OCTETS + 16 * 1024);
        assertThat(practice.lastServerTranscript().toPlainText())
                .containsPattern("\\*  … \\d+ more line\\(s\\), \\d+ octets of message text received, not shown here\nC: \\.\n");
    }

    @Test
    void startTlsTrustingThePracticeCertificate() throws Exception {
        Properties props = properties();
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        // Trust exactly the practice server's certificate, and check that it names the host connected to.
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("practice", practice.tls.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        props.put("mail.smtp.ssl.socketFactory", context.getSocketFactory());
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        Session session = Session.getInstance(props);

        Transport.send(message(session, "alice@example.test", "over TLS", "secret\r\n"));

        assertThat(practice.text(practice.messages("alice").get(0))).contains(" with ESMTPS id ");
        assertThat(practice.lastServerTranscript().toPlainText()).contains("C: STARTTLS", "*  TLS established: TLSv1.");
    }

    @Test
    void authPlainAndAuthLogin() throws Exception {
        for (String mechanism : new String[] {"PLAIN", "LOGIN"}) {
            Properties props = properties();
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.auth.mechanisms", mechanism);
            Session session = Session.getInstance(props);

            Transport.send(message(session, "bob@example.test", mechanism, "hi\r\n"), "alice", "alice-pass");

            assertThat(practice.lastServerTranscript().toPlainText()).contains("Authenticated as alice with " + mechanism);
        }
        assertThat(practice.messages("bob")).hasSize(2);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Properties props = properties();
        props.put("mail.smtp.auth", "true");
        Session session = Session.getInstance(props);

        assertThatThrownBy(() -> Transport.send(message(session, "bob@example.test", "x", "x\r\n"), "alice", "wrong"))
                .isInstanceOf(jakarta.mail.AuthenticationFailedException.class)
                .hasMessageContaining("535 5.7.8");
    }

    @Test
    void relayingIsRefusedWithoutAuthAndAcceptedWithIt() throws Exception {
        Session anonymous = Session.getInstance(properties());
        assertThatThrownBy(() -> Transport.send(message(anonymous, "friend@elsewhere.example", "out", "x\r\n")))
                .isInstanceOf(SendFailedException.class)
                .satisfies(e -> assertThat(((SendFailedException) e).getInvalidAddresses())
                        .extracting(Object::toString).containsExactly("friend@elsewhere.example"))
                .hasStackTraceContaining("550 5.7.1");
        assertThat(practice.messages(RelayPolicy.OUTBOX_MAILBOX)).isEmpty();

        Properties props = properties();
        props.put("mail.smtp.auth", "true");
        Session authenticated = Session.getInstance(props);
        Transport.send(message(authenticated, "friend@elsewhere.example", "out", "x\r\n"), "bob", "bob-pass");

        assertThat(practice.messages(RelayPolicy.OUTBOX_MAILBOX)).hasSize(1);
    }

    @Test
    void greylistingThenSuccessOnRetry() throws Exception {
        practice.faults.greylisting(true);
        Session session = Session.getInstance(properties());

        assertThatThrownBy(() -> Transport.send(message(session, "alice@example.test", "try 1", "x\r\n")))
                .isInstanceOf(SendFailedException.class)
                .hasStackTraceContaining("450 4.7.1");
        Transport.send(message(session, "alice@example.test", "try 2", "x\r\n"));

        assertThat(practice.messages("alice")).hasSize(1);
        assertThat(practice.text(practice.messages("alice").get(0))).contains("Subject: try 2");
    }
}
