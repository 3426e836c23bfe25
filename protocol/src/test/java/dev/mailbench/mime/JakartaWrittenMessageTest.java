package dev.mailbench.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A message as Jakarta Mail writes it, read back: no problems, and every name and byte where it was put. */
class JakartaWrittenMessageTest {

    @Test
    void aMessageComposedByJakartaMailIsReadBackWithoutProblems() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("alice@example.test", "Al\u00efce"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("bob@example.org"));
        message.setSubject("\u00dcbersicht \u2014 \u6982\u8981", "UTF-8");
        message.setSentDate(new Date(1_727_776_800_000L));
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Gr\u00fc\u00dfe,\nsee the attachment.\n", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(data, "application/octet-stream")));
        file.setFileName("d\u00e9j\u00e0 vu.bin");
        message.setContent(new MimeMultipart(text, file));
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);

        MessageAnalysis a = MessageAnalyzer.analyze(out.toByteArray());

        assertThat(a.problems()).isEmpty();
        assertThat(a.parts()).extracting(PartNode::path, PartNode::contentType, PartNode::filename).containsExactly(
                tuple("", "multipart/mixed", null),
                tuple("1", "text/plain", null),
                tuple("2", "application/octet-stream", "d\u00e9j\u00e0 vu.bin"));
        assertThat(a.root().header("Subject").orElseThrow().decoded()).isEqualTo("\u00dcbersicht \u2014 \u6982\u8981");
        assertThat(a.root().header("From").orElseThrow().decoded()).isEqualTo("Al\u00efce <alice@example.test>");
        assertThat(a.text(a.part("1").orElseThrow()).text().replace("\r\n", "\n"))
                .isEqualTo("Gr\u00fc\u00dfe,\nsee the attachment.\n");
        assertThat(a.part("2").orElseThrow().transferEncoding()).isEqualTo("base64");
        assertThat(a.decodedBytes(a.part("2").orElseThrow())).isEqualTo(data);
    }
}
