package dev.mailbench.server.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's smtplib as a second independent client: STARTTLS against the practice certificate, then AUTH,
 * where smtplib prefers CRAM-MD5. Runs only where a {@code python3} is installed; never required.
 */
class PythonSmtplibTest {

    private static final String SCRIPT = String.join("\n",
            "import smtplib, ssl, sys",
            "from email.message import EmailMessage",
            "port, cafile = int(sys.argv[1]), sys.argv[2]",
            "context = ssl.create_default_context(cafile=cafile)",
            "with smtplib.SMTP('127.0.0.1', port, local_hostname='python.example.test', timeout=30) as s:",
            "    s.starttls(context=context)",
            "    s.login('bob', 'bob-pass')",
            "    m = EmailMessage()",
            "    m['From'] = 'bob@example.test'",
            "    m['To'] = 'alice@example.test'",
            "    m['Subject'] = 'from smtplib'",
            "    m.set_content('sent by Python\\n.a leading dot\\n')",
            "    s.send_message(m)",
            "");

    @TempDir
    Path root;

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void smtplibSendsOverStartTlsWithCramMd5() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed");
        try (PracticeSmtp practice = PracticeSmtp.start(root)) {
            Path pem = root.resolve("practice.pem");
            Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(practice.tls.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            Path script = root.resolve("send.py");
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);

            Process python = new ProcessBuilder("python3", script.toString(), Integer.toString(practice.port()), pem.toString())
                    .redirectErrorStream(true).start();
            boolean finished = python.waitFor(60, TimeUnit.SECONDS);
            if (!finished) {
                python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(finished).as("python finished").isTrue();
            assertThat(python.exitValue()).as(output).isZero();
            assertThat(practice.text(practice.messages("alice").get(0)))
                    .contains("Subject: from smtplib", "\r\n.a leading dot\r\n", " with ESMTPSA id ");
            assertThat(practice.lastServerTranscript().toPlainText()).contains("Authenticated as bob with CRAM-MD5");
        }
    }
}
