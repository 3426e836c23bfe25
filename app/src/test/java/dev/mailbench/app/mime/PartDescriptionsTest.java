package dev.mailbench.app.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.mailbench.mime.MessageAnalysis;
import dev.mailbench.mime.MessageAnalyzer;
import dev.mailbench.mime.PartNode;

import org.junit.jupiter.api.Test;

class PartDescriptionsTest {

    private static PartNode attachment(String disposition) {
        String message = "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: application/octet-stream\r\n" + disposition + "\r\n\r\nxyz\r\n--b--\r\n";
        MessageAnalysis analysis = MessageAnalyzer.analyze(message.getBytes(StandardCharsets.US_ASCII));
        return analysis.part("1").orElseThrow();
    }

    @Test
    void aSuggestedNameNeverLeavesTheChosenFolder() {
        assertThat(PartDescriptions.suggestedFileName(attachment("Content-Disposition: attachment; filename=\"../../.bashrc\"")))
                .isEqualTo(".bashrc");
        assertThat(PartDescriptions.suggestedFileName(attachment("Content-Disposition: attachment; filename=\"C:\\\\x\\\\a:b.txt\"")))
                .isEqualTo("a_b.txt");
        assertThat(PartDescriptions.suggestedFileName(attachment("Content-Disposition: attachment; filename=\"..\"")))
                .isEqualTo("part-1.bin");
        assertThat(PartDescriptions.suggestedFileName(attachment("X-Nothing: here"))).isEqualTo("part-1.bin");
    }

    @Test
    void sizesReadAsPeopleSayThem() {
        assertThat(PartDescriptions.size(1)).isEqualTo("1 byte");
        assertThat(PartDescriptions.size(1023)).isEqualTo("1023 bytes");
        assertThat(PartDescriptions.size(1536)).isEqualTo("1.5 KiB");
        assertThat(PartDescriptions.size(45L * 1024 * 1024 + 300 * 1024)).isEqualTo("45.3 MiB");
    }
}
