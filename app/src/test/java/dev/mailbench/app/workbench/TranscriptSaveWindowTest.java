package dev.mailbench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.mailbench.app.build.BuildInfo;
import dev.mailbench.server.practice.DataDirectory;
import dev.mailbench.smtp.SmtpPhase;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File ▸ Save Transcript in the real window, after a real STARTTLS with the practice server: the file says which
 * server, which TLS mode, when and which Mailbench, marks the lines that went inside TLS, and shows the octets of a
 * raw line that is not UTF-8 and ends in a bare LF.
 */
class TranscriptSaveWindowTest {

    @TempDir
    Path temp;

    private WindowDriver window;

    @BeforeEach
    void openTheWindowWithThePracticeServer() throws Exception {
        window = new WindowDriver(temp.resolve("config"), Optional.empty(),
                Optional.of(() -> DataDirectory.at(temp.resolve("data")).loadOrCreateConfig().withPorts(0, 0)));
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        window.close();
    }

    @Test
    void theSavedFilesHaveTheHeaderTheTlsMarksAndTheOctets() throws Exception {
        window.awaitState(SmtpPhase.GREETED.description());
        window.step("EHLO");
        window.awaitState(SmtpPhase.READY.description());
        window.step("STARTTLS");
        window.awaitState(SmtpPhase.GREETED.description());
        window.step("EHLO");
        window.awaitState(SmtpPhase.READY.description());
        window.click("#raw-mode");
        WindowDriver.onFx(() -> {
            ((TextField) window.node("#command-line")).setText("NOOP ⟨C3⟩(⟨LF⟩");
            return null;
        });
        window.click("#command-line").robot().push(KeyCode.END).push(KeyCode.ENTER);
        window.awaitLine(line -> line.endsWith("C: NOOP ⟨C3⟩(⟨LF⟩"), "the raw NOOP");
        String port = window.text("#practice-summary").replaceFirst("^Running: SMTP 127\\.0\\.0\\.1:(\\d+).*$", "$1");

        Path text = temp.resolve("transcript.txt");
        window.answerSaveWith(text);
        window.clickMenu("File", "Save Transcript as Text…");
        window.await(() -> Files.exists(text) && Files.readString(text).contains("NOOP"), "the text file");
        Path html = temp.resolve("transcript.html");
        window.answerSaveWith(html);
        window.clickMenu("File", "Save Transcript as HTML…");
        window.await(() -> Files.exists(html) && Files.readString(html).contains("</html>"), "the HTML file");

        List<String> lines = Files.readAllLines(text, StandardCharsets.UTF_8);
        assertThat(lines.subList(1, 5)).containsExactly(
                "Server: 127.0.0.1:" + port + " (SMTP)",
                "TLS mode: no TLS",
                lines.get(3),
                "Mailbench: " + BuildInfo.mailbenchVersion());
        assertThat(lines.get(3)).matches("Saved: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d \\(.+\\)");
        List<String> wire = lines.stream().filter(line -> line.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*")).toList();
        assertThat(wire).anySatisfy(line -> assertThat(line).endsWith(" C: STARTTLS").doesNotContain("TLS C:"))
                .anySatisfy(line -> assertThat(line).endsWith(" TLS C: EHLO client.example.test"))
                .anySatisfy(line -> assertThat(line).endsWith(" TLS C: NOOP ⟨C3⟩(⟨LF⟩"));
        // every line after the upgrade's 220 travelled inside TLS
        int upgrade = indexOf(wire, " S: 220 2.0.0 Ready to start TLS");
        assertThat(wire.subList(upgrade + 1, wire.size())).filteredOn(line -> line.contains(" C: ") || line.contains(" S: "))
                .isNotEmpty().allSatisfy(line -> assertThat(line).containsPattern(" TLS [CS]: "));
        assertThat(wire.subList(0, upgrade + 1)).noneSatisfy(line -> assertThat(line).contains(" TLS C: "));

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("<dt>Server</dt><dd>127.0.0.1:" + port + " (SMTP)</dd>",
                "<dt>TLS mode</dt><dd>no TLS</dd>", "<dt>Mailbench</dt><dd>" + BuildInfo.mailbenchVersion() + "</dd>",
                "<span class=\"tls\">TLS </span><span class=\"client\">C: EHLO client.example.test</span>",
                "<span class=\"client\">C: NOOP </span><span class=\"client control\">⟨C3⟩</span>"
                        + "<span class=\"client\">(</span><span class=\"client control\">⟨LF⟩</span>");
        assertThat(window.text("#status")).startsWith("Saved ").endsWith(html.toString());
    }

    private static int indexOf(List<String> lines, String ending) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith(ending)) {
                return i;
            }
        }
        throw new AssertionError("no line ends with " + ending + ": " + lines);
    }
}
