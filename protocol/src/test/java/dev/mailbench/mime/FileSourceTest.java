package dev.mailbench.mime;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message analysed from a file, read in windows and chunks, gives exactly what the same bytes give
 * from memory, also when parts, boundaries and base64 lines straddle the window edges.
 */
class FileSourceTest {

    @TempDir
    Path dir;

    @Test
    void everySampleReadsTheSameFromAFileAsFromMemory() throws IOException {
        for (SampleMessages.Sample sample : SampleMessages.list()) {
            Path file = dir.resolve(sample.fileName());
            Files.write(file, sample.bytes());

            assertThat(MessageAnalyzer.analyze(file).toJson()).as(sample.fileName())
                    .isEqualTo(MessageAnalyzer.analyze(sample.bytes()).toJson());
        }
    }

    @Test
    void aMessageOfManyWindowsReadsTheSameFromAFileAsFromMemory() throws IOException {
        byte[] message = manyParts(40, 9_000);
        Path file = dir.resolve("many.eml");
        Files.write(file, message);

        MessageAnalysis fromFile = MessageAnalyzer.analyze(file);
        MessageAnalysis fromMemory = MessageAnalyzer.analyze(new java.io.ByteArrayInputStream(message));

        assertThat(fromFile.toJson()).isEqualTo(fromMemory.toJson());
        assertThat(fromFile.root().children()).hasSize(40);
        assertThat(fromFile.problems()).isEmpty();
        assertThat(fromFile.source().file()).contains(file.toAbsolutePath());
        for (PartNode part : fromFile.root().children()) {
            assertThat(fromFile.decodedBytes(part)).isEqualTo(fromMemory.decodedBytes(part));
            assertThat(fromFile.decodedBytes(part)).hasSize((int) part.decodedSize()).hasSize(9_000);
            try (InputStream raw = fromFile.openRaw(part.bodyRange())) {
                assertThat(Base64.getMimeDecoder().decode(raw.readAllBytes())).isEqualTo(fromFile.decodedBytes(part));
            }
        }
    }

    @Test
    void aFileThatChangesAfterAnalysisIsNotReadAsIfItHadNot() throws IOException {
        Path file = dir.resolve("changing.eml");
        Files.write(file, SampleMessages.get("mixed-attachments.eml").bytes());
        MessageAnalysis a = MessageAnalyzer.analyze(file);

        Files.write(file, "more".getBytes(US_ASCII), StandardOpenOption.APPEND);

        assertThatThrownBy(() -> a.decodedBytes(a.part("3").orElseThrow()))
                .isInstanceOf(IOException.class).hasMessageContaining("changed since it was analysed");
    }

    /** A multipart/mixed of {@code count} base64 parts of {@code size} random bytes each. */
    static byte[] manyParts(int count, int size) {
        Random random = new Random(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("Date: Tue, 1 Oct 2024 10:00:00 +0000\r\nFrom: a@example.test\r\n"
                + "Message-ID: <many@example.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"=_window_edge\"\r\n\r\n").getBytes(US_ASCII));
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            out.writeBytes(("--=_window_edge\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(US_ASCII));
            out.writeBytes(Base64.getMimeEncoder().encode(data));
            out.writeBytes("\r\n".getBytes(US_ASCII));
        }
        out.writeBytes("--=_window_edge--\r\n".getBytes(US_ASCII));
        return out.toByteArray();
    }
}
