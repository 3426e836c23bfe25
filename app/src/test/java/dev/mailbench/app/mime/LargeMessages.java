package dev.mailbench.app.mime;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;

/** Messages of tens of megabytes, written to disk for the viewer's tests. */
final class LargeMessages {

    /** Part 1: 1.8 MB of text; part 2: a short text; part 3: the attachment, base64. */
    static final String ATTACHMENT_PATH = "3";

    private LargeMessages() {
    }

    /** A multipart message with a large text part and a large attachment; the attachment's digest. */
    static byte[] write(Path file, int attachmentBytes) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(7);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("From: a@example.test\r\nTo: b@example.test\r\nSubject: large\r\nDate: Thu, 3 Oct 2024 14:30:00 +0200\r\n"
                    + "Message-ID: <large@example.test>\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                    + "--b\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] line = "All work and no play makes a long text part.\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 40_000; i++) {
                out.write(line);
            }
            out.write("--b\r\nContent-Type: text/plain\r\n\r\nsmall\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(("--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
                    + "Content-Disposition: attachment; filename=\"big.bin\"\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Base64.Encoder mime = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[57 * 1024];
            for (int written = 0; written < attachmentBytes; written += chunk.length) {
                random.nextBytes(chunk);
                sha.update(chunk);
                out.write(mime.encode(chunk));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return sha.digest();
    }

    static byte[] sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return sha.digest();
    }

}
