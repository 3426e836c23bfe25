package dev.mailbench.app.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

class MessageDraftTest {

    private static final String DATE = MessageDraft.dateOf(ZonedDateTime.of(2025, 3, 4, 14, 5, 9, 0, ZoneOffset.ofHours(1)));

    @Test
    void theHeadersAreTheOnesTypedAndEveryLineEndsWithCrlf() throws Exception {
        MessageDraft draft = new MessageDraft("Alice <alice@example.test>", "bob@example.test", "Grüße",
                DATE, "<one@example.test>", "line one\nline two", null);

        String text = new String(draft.toBytes(), StandardCharsets.UTF_8);

        assertThat(DATE).isEqualTo("Tue, 4 Mar 2025 14:05:09 +0100");
        assertThat(text).contains("Date: Tue, 4 Mar 2025 14:05:09 +0100\r\n", "From: Alice <alice@example.test>\r\n",
                "To: bob@example.test\r\n", "Message-ID: <one@example.test>\r\n", "MIME-Version: 1.0\r\n",
                "Subject: =?UTF-8?");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
        MimeMessage parsed = parse(draft.toBytes());
        assertThat(parsed.getSubject()).isEqualTo("Grüße");
        assertThat((String) parsed.getContent()).isEqualTo("line one\r\nline two\r\n");
    }

    @Test
    void anAttachmentMakesAMultipartMessage() throws Exception {
        MessageDraft draft = new MessageDraft("alice@example.test", "bob@example.test", "report", DATE,
                "<two@example.test>", "see attached",
                new MessageDraft.Attachment("notes.txt", "text/plain", "attached text".getBytes(StandardCharsets.UTF_8)));

        MimeMessage parsed = parse(draft.toBytes());

        assertThat(parsed.getContentType()).startsWith("multipart/mixed");
        Multipart parts = (Multipart) parsed.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        Part file = parts.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("notes.txt");
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("attached text");
    }

    @Test
    void aBlankDateOrMessageIdIsLeftOut() throws Exception {
        String text = new String(new MessageDraft("alice@example.test", "bob@example.test", "s", " ", "", "b", null)
                .toBytes(), StandardCharsets.UTF_8);

        assertThat(text).doesNotContain("Date:", "Message-ID:");
    }

    @Test
    void aNewMessageIdUsesTheSendersDomain() {
        assertThat(MessageDraft.newMessageId("Alice <alice@example.test>")).matches("<[0-9a-f-]{36}@example\\.test>");
        assertThat(MessageDraft.newMessageId("nobody")).endsWith("@mailbench.invalid>");
    }

    @Test
    void theWireFormIsDotStuffedAndEndsWithTheLoneDot() {
        byte[] message = "Subject: x\r\n\r\n.dot\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(WireForm.lines(message, 100))
                .containsExactly("Subject: x⟨CR⟩⟨LF⟩", "⟨CR⟩⟨LF⟩", "..dot⟨CR⟩⟨LF⟩", ".⟨CR⟩⟨LF⟩");
        assertThat(WireForm.lines(message, 2)).containsExactly("Subject: x⟨CR⟩⟨LF⟩", "⟨CR⟩⟨LF⟩");
        assertThat(WireForm.lineCount(message)).isEqualTo(4);
    }

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }
}
