package dev.mailbench.server.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailbench.store.StoredMessage;
import dev.mailbench.wire.Direction;
import dev.mailbench.wire.Transcript;
import dev.mailbench.wire.TranscriptEvent;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jakarta Mail's POP3 provider (Angus Mail), a client nobody here wrote, reading back messages put straight
 * into the store: the bytes it receives must be the bytes stored.
 */
class JakartaMailPop3Test {

    /** Lines that begin with dots, 8-bit UTF-8 text, and a 5 MB attachment. */
    static final byte[] ATTACHMENT = randomBytes(5 * 1024 * 1024);
    static final String TEXT = String.join("\r\n",
            "Grüße aus Köln — naïve café, ½ € und 日本語.",
            ".a line that begins with a dot",
            "..and one that begins with two",
            ".",
            "the end");
    static final byte[] BIG = bigMessage();
    static final byte[] SMALL = String.join("\r\n",
            "From: Alice <alice@example.test>",
            "To: Bob <bob@example.test>",
            "Subject: small",
            "",
            ".",
            "..",
            "no final line break").getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    private Pop3Fixture pop3;

    @BeforeEach
    void serverWithMessagesForAlice() throws Exception {
        pop3 = new Pop3Fixture(directory).withTls().start();
        pop3.deliver("alice", BIG);
        pop3.deliver("alice", SMALL);
    }

    @AfterEach
    void stop() {
        pop3.close();
    }

    private Store connect(Properties extra) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.pop3.connectiontimeout", "20000");
        properties.setProperty("mail.pop3.timeout", "20000");
        properties.putAll(extra);
        Store store = Session.getInstance(properties).getStore("pop3");
        store.connect("127.0.0.1", pop3.port(), "alice", "alice-pass");
        return store;
    }

    @Test
    void readsBackTheExactStoredBytes() throws Exception {
        Store store = connect(new Properties());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            List<StoredMessage> stored = pop3.store.listMessages("alice");
            assertThat(messages).hasSize(2);

            assertThat(retrieved(messages[0])).isEqualTo(Files.readAllBytes(stored.get(0).file())).isEqualTo(BIG);
            // The small message was stored without a final CRLF; RFC 1939 §3 makes the server add one.
            assertThat(Files.readAllBytes(stored.get(1).file())).isEqualTo(SMALL);
            assertThat(retrieved(messages[1])).isEqualTo(withFinalCrlf(SMALL));
            for (int i = 0; i < messages.length; i++) {
                assertThat(((POP3Folder) inbox).getUID(messages[i])).isEqualTo(stored.get(i).uid());
            }
            inbox.close(false);
        } finally {
            store.close();
        }
        // The server's transcript shows the start of the 5 MB message and says what it left out.
        Transcript server = pop3.serverTranscript(0);
        assertThat(server.toPlainText()).contains("more octets of the message were sent without being recorded");
        assertThat(server.size()).isLessThan(5_000);
    }

    @Test
    void parsesTheMessageItRetrieved() throws Exception {
        Store store = connect(new Properties());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            MimeMessage big = (MimeMessage) inbox.getMessage(1);

            assertThat(big.getSubject()).isEqualTo("Grüße"); // from the header, fetched with TOP
            Multipart parts = (Multipart) big.getContent();
            assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
                    .isEqualTo(TEXT.replace("\r\n", "\n"));
            Part attachment = parts.getBodyPart(1);
            assertThat(attachment.getFileName()).isEqualTo("data.bin");
            try (InputStream in = attachment.getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(ATTACHMENT);
            }
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    void deletesOnlyWhenTheFolderIsClosedWithExpunge() throws Exception {
        Store store = connect(new Properties());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(2).setFlag(Flags.Flag.DELETED, true);
            assertThat(pop3.store.listMessages("alice")).hasSize(2); // only marked so far
            inbox.close(true); // QUIT: the UPDATE state
        } finally {
            store.close();
        }
        assertThat(pop3.store.listMessages("alice")).hasSize(1);
        assertThat(Files.readAllBytes(pop3.store.listMessages("alice").get(0).file())).isEqualTo(BIG);
    }

    @Test
    void upgradesWithStlsAndTrustsThePracticeCertificateWhenToldTo() throws Exception {
        Properties tls = new Properties();
        tls.setProperty("mail.pop3.starttls.enable", "true");
        tls.setProperty("mail.pop3.starttls.required", "true");
        tls.setProperty("mail.pop3.ssl.trust", "127.0.0.1");
        Store store = connect(tls);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(retrieved(inbox.getMessage(2))).isEqualTo(withFinalCrlf(SMALL));
            inbox.close(false);
        } finally {
            store.close();
        }
        Transcript server = pop3.serverTranscript(0);
        assertThat(server.toPlainText()).contains("C: STLS", "TLS established");
        TranscriptEvent pass = server.events().stream().filter(e -> e.line().startsWith("PASS")).findFirst().orElseThrow();
        assertThat(pass.tls()).isTrue();
    }

    @Test
    void logsInWithAuthPlain() throws Exception {
        Properties plain = new Properties();
        plain.setProperty("mail.pop3.auth.mechanisms", "PLAIN");
        Store store = connect(plain);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(2);
            inbox.close(false);
        } finally {
            store.close();
        }
        assertThat(clientLines(pop3.serverTranscript(0))).anyMatch(line -> line.startsWith("AUTH PLAIN"))
                .noneMatch(line -> line.startsWith("PASS"));
    }

    @Test
    void logsInWithApop() throws Exception {
        Properties apop = new Properties();
        apop.setProperty("mail.pop3.apop.enable", "true");
        Store store = connect(apop);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(2);
            inbox.close(false);
        } finally {
            store.close();
        }
        assertThat(clientLines(pop3.serverTranscript(0))).anyMatch(line -> line.matches("APOP alice [0-9a-f]{32}"));
    }

    /** The message as RETR delivered it: Jakarta Mail streams it, un-stuffed, straight into the stream. */
    private static byte[] retrieved(Message message) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        message.writeTo(received);
        return received.toByteArray();
    }

    private static List<String> clientLines(Transcript transcript) {
        return transcript.events().stream().filter(e -> e.direction() == Direction.CLIENT).map(TranscriptEvent::line).toList();
    }

    private static byte[] withFinalCrlf(byte[] message) {
        byte[] out = java.util.Arrays.copyOf(message, message.length + 2);
        out[message.length] = '\r';
        out[message.length + 1] = '\n';
        return out;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(1939).nextBytes(bytes);
        return bytes;
    }

    private static byte[] bigMessage() {
        String head = String.join("\r\n",
                "From: Bob <bob@example.test>",
                "To: Alice <alice@example.test>",
                "Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=",
                "Message-ID: <big@example.test>",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"mailbench-boundary\"",
                "",
                "--mailbench-boundary",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                TEXT,
                "--mailbench-boundary",
                "Content-Type: application/octet-stream; name=\"data.bin\"",
                "Content-Transfer-Encoding: base64",
                "Content-Disposition: attachment; filename=\"data.bin\"",
                "",
                "");
        String tail = "\r\n--mailbench-boundary--\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(Base64.getMimeEncoder().encode(ATTACHMENT));
        out.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
