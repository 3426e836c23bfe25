package dev.mailbench.app.compose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * A message as the composer's fields describe it, turned into RFC 5322 bytes by Jakarta Mail: headers as
 * typed (the Date and Message-ID too, so a student sees exactly what is sent), a UTF-8 text body, and an
 * optional attachment (RFC 2045–2049, multipart/mixed).
 *
 * @param attachment null for a plain text message
 */
public record MessageDraft(String from, String to, String subject, String date, String messageId, String body,
                           Attachment attachment) {

    /** A file to attach: its name, its MIME type, its bytes. */
    public record Attachment(String fileName, String contentType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(fileName);
            Objects.requireNonNull(contentType);
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /** An RFC 5322 §3.3 date for now, e.g. {@code Tue, 4 Mar 2025 14:05:09 +0100}. */
    public static String dateOf(ZonedDateTime time) {
        return DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.ROOT).format(time);
    }

    /** A fresh Message-ID (RFC 5322 §3.6.4): unique left part, the sender's domain on the right. */
    public static String newMessageId(String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "mailbench.invalid" : from.substring(at + 1).replaceAll("[>\\s]", "");
        return "<" + UUID.randomUUID() + "@" + (domain.isEmpty() ? "mailbench.invalid" : domain) + ">";
    }

    /**
     * The message's bytes, every line ended by CRLF (RFC 5322 §2.1) as SMTP DATA wants them.
     *
     * @throws MessagingException if a header cannot be made from what was typed (a malformed address)
     */
    public byte[] toBytes() throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The Message-ID is the one the user sees in the composer; Jakarta Mail would invent another.
                if (!messageId.isBlank()) {
                    setHeader("Message-ID", messageId.strip());
                } else {
                    removeHeader("Message-ID");
                }
            }
        };
        if (!date.isBlank()) {
            message.setHeader("Date", date.strip());
        }
        if (!from.isBlank()) {
            message.setHeader("From", from.strip());
        }
        if (!to.isBlank()) {
            message.setHeader("To", to.strip());
        }
        message.setSubject(subject, "UTF-8");
        String text = crlf(body);
        if (attachment == null) {
            message.setText(text, "UTF-8");
        } else {
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            MimeBodyPart filePart = new MimeBodyPart();
            filePart.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
            filePart.setFileName(attachment.fileName());
            filePart.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart(textPart, filePart));
        }
        message.saveChanges();
        if (date.isBlank()) {
            message.removeHeader("Date");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Text typed in a text area ends lines with LF; on the wire every line ends with CRLF. */
    static String crlf(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        return normalised.isEmpty() || normalised.endsWith("\r\n") ? normalised : normalised + "\r\n";
    }
}
