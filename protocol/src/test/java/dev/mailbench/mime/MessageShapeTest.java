package dev.mailbench.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A file that is no e-mail message is said to be one first, before the problems its bytes break. */
class MessageShapeTest {

    static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            image.setRGB(x, x, 0x3366CC);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aPngImageIsNamedFirstAndItsProblemsStayBelow() throws Exception {
        MessageAnalysis analysis = MessageAnalyzer.analyze(png());

        assertThat(analysis.notAMessage()).hasValueSatisfying(verdict ->
                assertThat(verdict).startsWith("This does not look like an e-mail message").contains("PNG image"));
        assertThat(analysis.problems()).isNotEmpty();
        assertThat(analysis.toText()).startsWith("This does not look like an e-mail message");
        assertThat(analysis.toJson()).contains("\"notAMessage\": \"This does not look like");
    }

    @Test
    void binaryDataAndTextWithoutAHeaderAreNoMessages() {
        byte[] binary = {'a', 'b', 0, 1, 2, 'c'};
        assertThat(MessageAnalyzer.analyze(binary).notAMessage()).hasValueSatisfying(verdict ->
                assertThat(verdict).contains("NUL octets"));
        byte[] prose = "Dear Bob,\nhere is the report.\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(MessageAnalyzer.analyze(prose).notAMessage()).hasValueSatisfying(verdict ->
                assertThat(verdict).contains("first line is not a header field"));
        assertThat(MessageAnalyzer.analyze(new byte[0]).notAMessage()).hasValueSatisfying(verdict ->
                assertThat(verdict).contains("empty"));
    }

    @Test
    void messagesBrokenOrNotAreMessages() throws Exception {
        List<String> messages = List.of(
                "From: a@example.test\r\nSubject: hi\r\n\r\nbody\r\n",
                "From sender@example.test Mon Dec  7 03:00:00 2026\nReturn-Path: <a@example.test>\n\nbody\n",
                "\r\nno header section at all\r\n",
                "Subject : obsolete blank before the colon\r\n\r\n");
        for (String message : messages) {
            assertThat(MessageAnalyzer.analyze(message.getBytes(StandardCharsets.US_ASCII)).notAMessage())
                    .as(message).isEmpty();
        }
        for (SampleMessages.Sample sample : SampleMessages.list()) {
            assertThat(MessageAnalyzer.analyze(sample.bytes()).notAMessage()).as(sample.toString()).isEmpty();
        }
        assertThat(MessageAnalyzer.analyze("From: a@example.test\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).toJson())
                .contains("\"notAMessage\": null");
    }
}
