package dev.mailbench.mime;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message of about 48 MB with a 45 MB base64 attachment (34 MB decoded) is analysed and its
 * attachment saved by a JVM whose whole heap is 32 MB: neither the message nor the attachment can be
 * held in memory, so this passes only if both are streamed.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LargeMessageTest {

    /** 45 MiB of base64 text: 47,185,920 characters, a multiple of 4 with no padding. */
    static final int ATTACHMENT_BYTES = 45 * 1024 * 1024 / 4 * 3;

    @TempDir
    Path dir;

    @Test
    void aLargeAttachmentIsAnalysedAndSavedWithLessHeapThanItsSize() throws Exception {
        Path message = dir.resolve("large.eml");
        Generated generated = generate(message);
        Path saved = dir.resolve("attachment.bin");

        List<String> out = runChild(message, saved);

        assertThat(out).filteredOn(l -> l.startsWith("PART ")).extracting(l -> l.split(" ")[1] + " " + l.split(" ")[2])
                .containsExactly("message multipart/mixed", "1 text/plain", "2 application/octet-stream");
        String[] attachment = out.stream().filter(l -> l.startsWith("PART 2 ")).findFirst().orElseThrow().split(" ");
        assertThat(Long.parseLong(attachment[3])).isEqualTo(ATTACHMENT_BYTES);
        long bodyStart = Long.parseLong(attachment[4]);
        long bodyEnd = Long.parseLong(attachment[5]);
        assertThat(read(message, bodyStart, 78)).isEqualTo(generated.firstLine + "\r\n");
        assertThat(read(message, bodyEnd, 9)).isEqualTo("\r\n--big--");
        assertThat(out).contains("PROBLEMS 0", "SAVED " + ATTACHMENT_BYTES);
        long heap = Long.parseLong(out.get(out.size() - 1).substring("HEAP ".length()));
        assertThat(heap).as("the child's heap").isLessThan(ATTACHMENT_BYTES);

        assertThat(Files.size(saved)).isEqualTo(ATTACHMENT_BYTES);
        assertThat(sha256(saved)).isEqualTo(generated.sha256);
    }

    private record Generated(String sha256, String firstLine) {
    }

    /** Writes the message and returns the SHA-256 of the attachment's decoded bytes. */
    private static Generated generate(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Random random = new Random(45);
        String firstLine;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("Date: Tue, 1 Oct 2024 10:00:00 +0000\r\nFrom: a@example.test\r\nTo: b@example.test\r\n"
                    + "Subject: A large attachment\r\nMessage-ID: <large@example.test>\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=big\r\n\r\n"
                    + "--big\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nThe file is attached.\r\n"
                    + "--big\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
                    + "Content-Disposition: attachment; filename=large.bin\r\n\r\n").getBytes(US_ASCII));
            OutputStream keepOpen = new FilterOutputStream(out) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            byte[] chunk = new byte[3 << 18];
            firstLine = null;
            try (OutputStream base64 = Base64.getMimeEncoder().wrap(keepOpen)) {
                for (int written = 0; written < ATTACHMENT_BYTES; written += chunk.length) {
                    random.nextBytes(chunk);
                    int n = Math.min(chunk.length, ATTACHMENT_BYTES - written);
                    if (firstLine == null) {
                        firstLine = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(chunk, 57));
                    }
                    digest.update(chunk, 0, n);
                    base64.write(chunk, 0, n);
                }
            }
            out.write("\r\n--big--\r\n".getBytes(US_ASCII));
        }
        return new Generated(HexFormat.of().formatHex(digest.digest()), firstLine);
    }

    private static List<String> runChild(Path message, Path saved) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                LargeMessageChild.class.getName(), message.toString(), saved.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), US_ASCII))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
            assertThat(child.waitFor()).as("child exit status; output: " + lines).isZero();
        } finally {
            child.destroyForcibly();
        }
        return lines;
    }

    private static String read(Path file, long at, int length) throws IOException {
        try (InputStream in = MessageSource.of(file).open(ByteRange.of(at, at + length))) {
            return new String(in.readAllBytes(), US_ASCII);
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
